package com.qmailing.mcp.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.TokenAuthenticator;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.api.error.Problems;
import com.qmailing.events.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * In front of {@code /mcp}, before any JSON-RPC is read: the origin check (403), then the bearer token
 * exactly as REST checks it (401 with {@code WWW-Authenticate: Bearer}), fresh on every request so a
 * revocation or downgrade applies to the next one. The caller then rides along to the tools in the
 * request (see {@link CallerContext}). Browsers on an allowed origin get the CORS answers they need.
 */
final class McpAccessFilter extends OncePerRequestFilter {

    private static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, Accept, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID";
    private static final String EXPOSED_HEADERS = "Mcp-Session-Id, WWW-Authenticate";

    private final TokenAuthenticator authenticator;
    private final OriginPolicy origins;
    private final ObjectMapper json;

    McpAccessFilter(TokenAuthenticator authenticator, OriginPolicy origins, ObjectMapper json) {
        this.authenticator = authenticator;
        this.origins = origins;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!origins.allowsOrigin(origin) || !origins.allowsHost(request.getHeader(HttpHeaders.HOST))) {
            refuse(response, new ApiProblem(ErrorCode.FORBIDDEN, origin == null ? "Host not allowed"
                    : "Origin not allowed"));
            return;
        }
        if (origin != null) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            if ("OPTIONS".equals(request.getMethod())) {
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, DELETE");
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
        }
        Caller caller;
        try {
            caller = authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (ApiProblem unauthorized) {
            refuse(response, unauthorized);
            return;
        }
        CallerContext.attach(request, caller);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.setStatus(problem.code().status());
        if (problem.code() == ErrorCode.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"qmailing\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.body(problem.code(), problem.detail(), Map.of()));
    }
}
