package com.qmailing.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * GETs at a fixed rate over plain HTTP/1.1 keep-alive sockets, each timed from its scheduled
 * start (a request that waits for a free connection counts the wait). The JDK's HttpClient spent
 * about 1.5 ms of CPU per 300 kB answer on the cores the server shares, as much as the server;
 * this generator reads the answer into one reused buffer and does nothing else with it (~0.3 ms).
 * Each connection's thread takes the next unclaimed slot of the schedule. Over loopback's 64 kB MTU
 * it sees a tail on 300 kB answers that a network MTU does not have (docs/benchmarks.md, session 6).
 */
final class SocketGets {

    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private final URI uri;
    private final String path;
    private final byte[] request;
    private final int total;
    private final long interval;
    private final long start;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Latencies latencies;

    private SocketGets(String base, String path, String token, int perSecond, int seconds) {
        this.uri = URI.create(base);
        this.path = path;
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.total = perSecond * seconds;
        this.interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        this.latencies = new Latencies(total);
    }

    static Latencies run(String base, String path, String token, int perSecond, int seconds, int connections)
            throws Exception {
        SocketGets gets = new SocketGets(base, path, token, perSecond, seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(gets::drive, "get-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (gets.failure.get() != null) {
            throw gets.failure.get();
        }
        return gets.latencies;
    }

    /** One connection's thread: takes the next unclaimed slot until the schedule ends or a request fails. */
    private void drive() {
        Connection connection = null;
        try {
            for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
                long scheduled = start + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (connection == null) {
                    connection = new Connection(uri.getHost(), uri.getPort());
                }
                int status = connection.get(request);
                latencies.record(System.nanoTime() - scheduled);
                if (status != 200) {
                    throw new IllegalStateException("GET " + path + " answered " + status);
                }
                if (connection.closing) {
                    connection.close();
                    connection = null;
                }
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** One keep-alive connection; Tomcat closes one after 100 requests, saying so in the answer. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] sink = new byte[65_536];
        boolean closing;

        Connection(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65_536);
        }

        /** Sends the request, reads the response (Content-Length or chunked), drops the body. */
        int get(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            String lower = head.toLowerCase(Locale.ROOT);
            closing = lower.contains("\r\nconnection: close");
            int length = lower.indexOf("\r\ncontent-length:");
            if (length >= 0) {
                int end = lower.indexOf("\r\n", length + 2);
                skip(in, Long.parseLong(lower.substring(length + 17, end).trim()), sink);
            } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
                long size;
                while ((size = Long.parseLong(readLine(in).split(";")[0].trim(), 16)) > 0) {
                    skip(in, size + 2, sink);
                }
                readLine(in);
            }
            return status;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(256);
        int matched = 0;
        while (matched < HEADER_END.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in a response's head");
            }
            head.append((char) b);
            matched = b == HEADER_END[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed in a chunked body");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long bytes, byte[] sink) throws IOException {
        long left = bytes;
        while (left > 0) {
            int read = in.read(sink, 0, (int) Math.min(sink.length, left));
            if (read < 0) {
                throw new IOException("connection closed in a body");
            }
            left -= read;
        }
    }
}
