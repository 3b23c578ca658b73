package com.qmailing.api.web;

import com.qmailing.api.error.PayloadTooLargeException;
import com.qmailing.api.error.Problems;
import com.qmailing.events.common.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * JSON request bodies are small; a 10 MB one is refused with 413 before it is parsed, whether it
 * announces its length or streams it chunked. Multipart bodies (send) have their own, larger limit.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private final long maxJsonBytes;
    private final ObjectMapper json;

    public BodyLimitFilter(long maxJsonBytes, ObjectMapper json) {
        this.maxJsonBytes = maxJsonBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        if (multipart) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxJsonBytes) {
            response.setStatus(ErrorCode.PAYLOAD_TOO_LARGE.status());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Problems.body(ErrorCode.PAYLOAD_TOO_LARGE,
                    "body: larger than " + maxJsonBytes + " bytes", Map.of()));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxJsonBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException("body: larger than " + limit + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
