package com.qmailing.benchmarks;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The foundation's figures against a running QMailing:
 * <ol>
 *   <li>{@code POST /mailboxes} throughput with 8 concurrent clients, each in its own account;</li>
 *   <li>{@code GET /mailboxes} latency at a fixed 200 requests/s for an account with 1,000 mailboxes,
 *       measured from each request's scheduled start (no coordinated omission);</li>
 *   <li>the token check's added latency, as the server's own {@code qmailing.auth.token.check} timer.</li>
 * </ol>
 * Usage: {@code java -cp benchmarks/target/classes:<jackson jars> com.qmailing.benchmarks.ApiBenchmark
 * [baseUrl] [adminToken]} (or {@code QMAILING_ADMIN_TOKEN}).
 */
public final class ApiBenchmark {

    private static final int CLIENTS = 8;
    private static final int MAILBOXES_PER_CLIENT = 1000;
    private static final int WARMUP_PER_CLIENT = 100;
    private static final int LIST_RATE = 200;
    private static final int LIST_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String admin = Accounts.adminToken(args, 1);
        Http setup = new Http(base);
        List<Accounts.Account> accounts = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            accounts.add(Accounts.create(setup, admin, "PRO_MAX"));
        }

        createMailboxes(base, accounts, WARMUP_PER_CLIENT, "warm-up");
        createMailboxes(base, accounts, MAILBOXES_PER_CLIENT - WARMUP_PER_CLIENT, "measured");

        listOneAtATime(base, accounts.get(0).token());
        listAtFixedRate(base, accounts.get(0).token());
        System.out.println("token check: see qmailing_auth_token_check_seconds in " + base + "/actuator/prometheus");
        HttpResponse<String> metrics = setup.send("GET", "/actuator/prometheus", null, null);
        metrics.body().lines().filter(line -> line.startsWith("qmailing_auth_token_check_seconds"))
                .forEach(line -> System.out.println("  " + line));
    }

    private static void createMailboxes(String base, List<Accounts.Account> accounts, int perClient, String phase)
            throws Exception {
        Latencies latencies = new Latencies(accounts.size() * perClient);
        ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (Accounts.Account account : accounts) {
            clients.add(pool.submit(() -> {
                Http http = new Http(base);
                for (int i = 0; i < perClient; i++) {
                    long t0 = System.nanoTime();
                    http.expect(201, "POST", "/api/v1/pub/mailboxes", account.token(),
                            Map.of("localPart", "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)));
                    latencies.record(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("POST /mailboxes (%s, %d clients): %.0f/s, %s%n", phase, accounts.size(),
                latencies.count() / seconds, latencies.summary());
    }

    /** The server's own latency without queueing: one request after the other. */
    private static void listOneAtATime(String base, String token) {
        Http http = new Http(base);
        Latencies latencies = new Latencies(500);
        for (int i = 0; i < 500; i++) {
            long t0 = System.nanoTime();
            http.send("GET", "/api/v1/pub/mailboxes", token, null);
            latencies.record(System.nanoTime() - t0);
        }
        System.out.println("GET /mailboxes, one client, sequential: " + latencies.summary());
    }

    private static void listAtFixedRate(String base, String token) throws Exception {
        int mailboxes = new Http(base).expect(200, "GET", "/api/v1/pub/mailboxes", token, null).size();
        Latencies latencies = FixedRate.gets(base, "/api/v1/pub/mailboxes", token, LIST_RATE, LIST_SECONDS);
        System.out.printf("GET /mailboxes (%d mailboxes) at %d req/s for %d s: %s%n", mailboxes, LIST_RATE,
                LIST_SECONDS, latencies.summary());
    }
}
