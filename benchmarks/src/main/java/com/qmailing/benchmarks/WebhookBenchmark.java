package com.qmailing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Webhook fan-out: messages arrive over SMTP at a fixed rate into a mailbox whose account has a
 * webhook for {@code email.received} at an HTTP receiver this program runs; each delivery's
 * signature is checked and its delay measured from the message's SMTP {@code 250}.
 * <ol>
 *   <li>warm-up: 500 messages, so that the JIT compiler is done before anything is timed;</li>
 *   <li>steady: 1,000 messages with the receiver up;</li>
 *   <li>outage: 1,000 more, the receiver stopped for 30 s after the first 10 s and started again
 *       on the same port; the deliveries retry with the configured backoff.</li>
 * </ol>
 * Exits 1 if a delivery is missing (after {@code -Dqmailing.bench.wait-seconds}, default 300) or
 * a signature is wrong. QMailing must run with {@code QMAILING_WEBHOOKS_ALLOW_PRIVATE=true}.
 * <p>
 * Usage: {@code benchmarks/run.sh WebhookBenchmark baseUrl adminToken smtpPort receiverPort [ratePerSecond]}
 */
public final class WebhookBenchmark {

    private static final int MESSAGES = Integer.getInteger("qmailing.bench.messages", 1_000);
    private static final int WARMUP = 500;
    private static final int WAIT_SECONDS = Integer.getInteger("qmailing.bench.wait-seconds", 300);
    private static final int CONNECTIONS = 4;
    private static final int OUTAGE_AFTER_SECONDS = 10;
    private static final int OUTAGE_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = Accounts.adminToken(args, 1);
        int smtpPort = Integer.parseInt(args[2]);
        int receiverPort = Integer.parseInt(args[3]);
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 50;

        Http http = new Http(base);
        Accounts.Account account = Accounts.create(http, admin, "PRO_MAX");
        Accounts.Mailbox mailbox = Accounts.mailbox(http, account.token(), "hook");
        Receiver receiver = new Receiver(receiverPort);
        receiver.start();
        JsonNode webhook = http.expect(201, "POST", "/api/v1/pub/webhooks", account.token(), Map.of(
                "url", "http://127.0.0.1:" + receiverPort + "/hook", "label", "benchmark",
                "events", List.of("email.received")));
        receiver.secret = webhook.get("plaintext").asText();

        boolean warm = phase("warm-up", WARMUP, smtpPort, mailbox.address(), rate, receiver, null);
        boolean steady = phase("steady", MESSAGES, smtpPort, mailbox.address(), rate, receiver, null);
        boolean outage = phase("outage", MESSAGES, smtpPort, mailbox.address(), rate, receiver, () -> {
            TimeUnit.SECONDS.sleep(OUTAGE_AFTER_SECONDS);
            receiver.stop();
            TimeUnit.SECONDS.sleep(OUTAGE_SECONDS);
            receiver.start();
            return null;
        });
        receiver.close();
        System.out.printf("signatures: %d valid, %d invalid%n", receiver.valid.get(), receiver.invalid.get());
        if (!warm || !steady || !outage || receiver.invalid.get() > 0) {
            System.out.println("FAILED: deliveries lost or badly signed");
            System.exit(1);
        }
    }

    /** Returns whether every message's webhook arrived. */
    private static boolean phase(String name, int messages, int smtpPort, String to, int rate, Receiver receiver,
                                 java.util.concurrent.Callable<Void> disruption) throws Exception {
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            subjects.add("hook-" + name + "-" + i + "-" + UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS + 1);
        Future<Void> disrupted = disruption == null ? null : pool.submit(disruption);
        long interval = TimeUnit.SECONDS.toNanos(1) * CONNECTIONS / rate;
        long start = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            senders.add(pool.submit(() -> {
                try (SmtpSession session = new SmtpSession("127.0.0.1", smtpPort)) {
                    for (int i = connection, k = 0; i < messages; i += CONNECTIONS, k++) {
                        LockSupport.parkNanos(start + connection * interval / CONNECTIONS + k * interval
                                - System.nanoTime());
                        session.send("sender@example.org", to, message(to, subjects.get(i)));
                        accepted.put(subjects.get(i), System.nanoTime());
                    }
                }
                return null;
            }));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        if (disrupted != null) {
            disrupted.get();
        }
        pool.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!receiver.arrived.keySet().containsAll(subjects) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        double allSeconds = (System.nanoTime() - start) / 1e9;
        Latencies delay = new Latencies(messages);
        int lost = 0;
        for (String subject : subjects) {
            Long arrived = receiver.arrived.get(subject);
            if (arrived == null) {
                lost++;
            } else {
                delay.record(Math.max(0, arrived - accepted.get(subject)));
            }
        }
        System.out.printf("%s: %d messages at %d/s over SMTP; SMTP 250 -> webhook received: %s; "
                        + "all received after %.1f s; lost: %d; repeated deliveries so far: %d%n", name, messages,
                rate, delay.summary(), allSeconds, lost, receiver.repeated.get());
        return lost == 0;
    }

    private static byte[] message(String to, String subject) {
        return ("From: Sender <sender@example.org>\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + subject + "@example.org>\r\nDate: Mon, 23 Nov 2026 12:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nA webhook benchmark message.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The endpoint: checks the signature, notes the first arrival of each subject and repeated deliveries. */
    private static final class Receiver {

        private final int port;
        private final ExecutorService workers = Executors.newFixedThreadPool(8);
        final Map<String, Long> arrived = new ConcurrentHashMap<>();
        final Set<String> deliveries = ConcurrentHashMap.newKeySet();
        final AtomicInteger valid = new AtomicInteger();
        final AtomicInteger invalid = new AtomicInteger();
        final AtomicInteger repeated = new AtomicInteger();
        volatile String secret;
        private HttpServer server;

        Receiver(int port) {
            this.port = port;
        }

        synchronized void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
            server.setExecutor(workers);
            server.createContext("/hook", this::handle);
            server.start();
        }

        synchronized void stop() {
            server.stop(0);
        }

        void close() {
            stop();
            workers.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            long now = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean signed = signed(exchange.getRequestHeaders().getFirst("X-QMailing-Signature"), body);
            (signed ? valid : invalid).incrementAndGet();
            if (!deliveries.add(exchange.getRequestHeaders().getFirst("X-QMailing-Delivery"))) {
                repeated.incrementAndGet();
            }
            String subject = Http.JSON.readTree(body).path("data").path("subject").asText();
            if (signed) {
                arrived.putIfAbsent(subject, now);
            }
            exchange.sendResponseHeaders(signed ? 204 : 400, -1);
            exchange.close();
        }

        /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}, as API.md §4 says. */
        private boolean signed(String header, byte[] body) {
            if (header == null || !header.startsWith("t=") || !header.contains(",v1=")) {
                return false;
            }
            String t = header.substring(2, header.indexOf(','));
            String v1 = header.substring(header.indexOf(",v1=") + 4);
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
                return MessageDigest.isEqual(HexFormat.of().formatHex(mac.doFinal(body))
                        .getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
