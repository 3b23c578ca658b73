package com.qmailing.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The MCP server's figures: {@code tools/call qmailing_list_mailboxes} latency with 16 concurrent
 * sessions, and (with {@code --abandon N}) N sessions opened and never closed, for a heap check
 * with {@code jcmd <pid> GC.heap_info} before and after the session timeout.
 * <p>
 * After an unrecorded flat-out round (300 calls per session, so the JIT has compiled the path),
 * the 16 sessions run twice: flat out (each calls again as soon as it has its answer, so the
 * latency is 16 divided by what the server manages per second), and at a fixed total rate
 * ({@code --rate}, default 200 calls/s) spread over the sessions, each call timed from its
 * scheduled start; a session still busy with its previous call queues the next, and that
 * wait counts.
 * <p>
 * Usage: {@code benchmarks/run.sh McpBenchmark [baseUrl] [adminToken] [--abandon 500 | --rate 200]}
 */
public final class McpBenchmark {

    private static final int SESSIONS = 16;
    private static final int CALLS_PER_SESSION = 600;
    private static final int WARMUP_CALLS_PER_SESSION = 300;

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String admin = Accounts.adminToken(args, 1);
        Http http = new Http(base);
        Accounts.Account account = Accounts.create(http, admin, "PRO_MAX");
        for (int i = 0; i < 20; i++) {
            http.expect(201, "POST", "/api/v1/pub/mailboxes", account.token(),
                    Map.of("localPart", "mcp" + i + UUID.randomUUID().toString().substring(0, 6)));
        }
        if (args.length > 3 && "--abandon".equals(args[2])) {
            int count = Integer.parseInt(args[3]);
            McpSession session = null;
            for (int i = 0; i < count; i++) {
                session = McpSession.open(base, account.token());
                session.callListMailboxes(i);
            }
            System.out.printf("opened and abandoned %d MCP sessions%n", count);
            return;
        }
        // A whole flat-out round first, unrecorded: the JIT compiles the call path for 16 sessions at
        // once, which a handful of warm-up calls on one session left to the measured round.
        flatOut(base, account.token(), WARMUP_CALLS_PER_SESSION, false);
        flatOut(base, account.token(), CALLS_PER_SESSION, true);
        int rate = args.length > 3 && "--rate".equals(args[2]) ? Integer.parseInt(args[3]) : 200;
        atFixedRate(base, account.token(), rate);
    }

    private static void flatOut(String base, String token, int callsPerSession, boolean report) throws Exception {
        Latencies latencies = new Latencies(SESSIONS * callsPerSession);
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        long start = System.nanoTime();
        List<Future<?>> sessions = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            sessions.add(pool.submit(() -> {
                McpSession session = McpSession.open(base, token);
                for (int i = 0; i < callsPerSession; i++) {
                    long t0 = System.nanoTime();
                    session.callListMailboxes(i);
                    latencies.record(System.nanoTime() - t0);
                }
                session.close();
                return null;
            }));
        }
        try {
            for (Future<?> session : sessions) {
                session.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("tools/call qmailing_list_mailboxes, %d sessions flat out (20 mailboxes)%s: %.0f calls/s, %s%n",
                SESSIONS, report ? "" : ", warm-up", latencies.count() / seconds, latencies.summary());
    }

    private static void atFixedRate(String base, String token, int perSecond) throws Exception {
        List<McpSession> sessions = new ArrayList<>();
        List<ExecutorService> lanes = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            sessions.add(McpSession.open(base, token));
            lanes.add(Executors.newSingleThreadExecutor());
        }
        Latencies latencies;
        try {
            latencies = FixedRate.run(SESSIONS * CALLS_PER_SESSION, perSecond, n -> lanes.get(n % SESSIONS),
                    n -> sessions.get(n % SESSIONS).callListMailboxes(n / SESSIONS));
            for (McpSession session : sessions) {
                session.close();
            }
        } finally {
            lanes.forEach(ExecutorService::shutdownNow);
        }
        System.out.printf("tools/call qmailing_list_mailboxes, %d sessions at %d calls/s in all: %s%n",
                SESSIONS, perSecond, latencies.summary());
    }

    /** One Streamable HTTP session, spoken by hand: initialize, then JSON-RPC posts with its session id. */
    private static final class McpSession {

        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        private final String base;
        private final String token;
        private final String id;

        private McpSession(String base, String token, String id) {
            this.base = base;
            this.token = token;
            this.id = id;
        }

        static McpSession open(String base, String token) throws IOException, InterruptedException {
            HttpResponse<String> init = post(base, token, null, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
            String id = init.headers().firstValue("Mcp-Session-Id")
                    .orElseThrow(() -> new IllegalStateException("no session id: " + init.statusCode() + " "
                            + init.body()));
            McpSession session = new McpSession(base, token, id);
            post(base, token, id, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            return session;
        }

        void callListMailboxes(int n) throws IOException, InterruptedException {
            HttpResponse<String> response = post(base, token, id, "{\"jsonrpc\":\"2.0\",\"id\":" + (n + 1)
                    + ",\"method\":\"tools/call\",\"params\":{\"name\":\"qmailing_list_mailboxes\",\"arguments\":{}}}");
            if (response.statusCode() != 200 || !response.body().contains("\"result\"")
                    || response.body().contains("\"isError\":true")) {
                throw new IllegalStateException("tools/call failed: " + response.statusCode() + " " + response.body());
            }
        }

        void close() throws IOException, InterruptedException {
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Authorization", "Bearer " + token)
                    .header("Mcp-Session-Id", id).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }

        private static HttpResponse<String> post(String base, String token, String session, String body)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/mcp"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (session != null) {
                request.header("Mcp-Session-Id", session);
                request.header("MCP-Protocol-Version", "2025-06-18");
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException staleConnection) {
                // The server may close a pooled connection after an event-stream answer; the JDK
                // client finds out only on reuse. The call never reached it: send it again.
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        }
    }
}
