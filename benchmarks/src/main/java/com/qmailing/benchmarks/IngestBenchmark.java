package com.qmailing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The receive path's figures: 20,000 messages of 10 KB over 8 SMTP connections into 100
 * mailboxes, with every 100th message also timed from its {@code 250} until {@code GET /email}
 * lists it. With {@code --sink host:port} the same load first goes to a bare SMTP sink
 * (Postfix's {@code smtp-sink}) for comparison.
 * <p>
 * With {@code --smtp-source} the load comes from Postfix's {@code smtp-source} ({@link SmtpSourceLoad}),
 * which leaves the two cores to the server, and this program only probes: a few messages a second
 * over a connection of its own, each timed to its {@code 250} and then until {@code GET /email}
 * lists it. With {@code --cpu jvmPid:postmasterPid} it prints the server's CPU seconds per message
 * (the JVM, and the PostgreSQL postmaster with its backends) over the load.
 * <p>
 * Usage: {@code benchmarks/run.sh IngestBenchmark [baseUrl] [adminToken] [smtpPort] [--sink host:port]
 * [--smtp-source] [--cpu jvmPid:postmasterPid]}
 */
public final class IngestBenchmark {

    private static final int CONNECTIONS = 8;
    /** Overridable (-Dqmailing.bench.messages, -Dqmailing.bench.mailboxes) to fill one mailbox for the purge figure. */
    private static final int MESSAGES = Integer.getInteger("qmailing.bench.messages", 20_000);
    private static final int MAILBOXES = Integer.getInteger("qmailing.bench.mailboxes", 100);
    private static final int SAMPLE_EVERY = 100;
    /**
     * A probe finds its message among the newest 50 of its mailbox; with few mailboxes the mail
     * goes past that window faster than a probe polls under load, so filling one mailbox is
     * timed for throughput only.
     */
    private static final int FEWEST_MAILBOXES_TO_PROBE = 20;
    private static final int MESSAGE_BYTES = 10 * 1024;
    /**
     * Probe messages per second with {@code --smtp-source}, each polled every
     * {@link #PROBE_POLL_MILLIS}: every poll is a {@code GET /email} the server pays for, so the
     * probes stay light next to the load (a few requests a second) while a run still gives a p99.
     */
    private static final int PROBES_PER_SECOND = 2;
    private static final int PROBE_POLL_MILLIS = 50;
    /** The Java generator's probes poll every 20 ms, as the earlier figures were measured. */
    private static final int JAVA_PROBE_POLL_MILLIS = 20;

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String admin = Accounts.adminToken(args, 1);
        int smtpPort = args.length > 2 ? Integer.parseInt(args[2]) : 2525;
        String sink = option(args, "--sink");
        boolean smtpSource = List.of(args).contains("--smtp-source");
        String cpu = option(args, "--cpu");

        double sinkRate = Double.NaN;
        if (sink != null) {
            String[] hostPort = sink.split(":");
            double generator = generatorCpu();
            sinkRate = smtpSource
                    ? SmtpSourceLoad.run(hostPort[0], Integer.parseInt(hostPort[1]), List.of("sink@example.org"),
                            MESSAGES, CONNECTIONS)
                    : load(hostPort[0], Integer.parseInt(hostPort[1]), List.of("sink@example.org"), null, null);
            System.out.printf("smtp-sink at %s: %.0f messages/s (generator %.3f ms CPU per message; load %s)%n",
                    sink, sinkRate, (generatorCpu() - generator) * 1000 / MESSAGES, ProcessCpu.loadAverage());
        }

        Http http = new Http(base);
        Accounts.Account account = Accounts.create(http, admin, "PRO_MAX");
        List<String> addresses = new ArrayList<>();
        List<String> mailboxIds = new ArrayList<>();
        for (int i = 0; i < MAILBOXES; i++) {
            JsonNode mailbox = http.expect(201, "POST", "/api/v1/pub/mailboxes", account.token(),
                    Map.of("localPart", "ingest" + i + "x" + UUID.randomUUID().toString().substring(0, 6)));
            addresses.add(mailbox.get("address").asText());
            mailboxIds.add(mailbox.get("id").asText());
        }
        // Printed first: a run that fails half way still leaves a filled account behind (PurgeBenchmark needs it).
        System.out.println("account " + account.id() + " token " + account.token() + " mailboxes " + mailboxIds);
        Latencies visible = new Latencies(MESSAGES / SAMPLE_EVERY + 100_000);
        Probes probes = MAILBOXES >= FEWEST_MAILBOXES_TO_PROBE ? new Probes(base, account.token(), visible,
                smtpSource ? PROBE_POLL_MILLIS : JAVA_PROBE_POLL_MILLIS) : null;
        double rate;
        String loadBefore = ProcessCpu.loadAverage();
        double[] serverBefore = serverCpu(cpu);
        double generator = generatorCpu();
        try {
            if (smtpSource) {
                ProbeSender sender = probes == null ? null : new ProbeSender(smtpPort, addresses, mailboxIds, probes);
                try {
                    rate = SmtpSourceLoad.run("127.0.0.1", smtpPort, addresses, MESSAGES, CONNECTIONS);
                } finally {
                    if (sender != null) {
                        sender.stop();
                    }
                }
            } else {
                rate = load("127.0.0.1", smtpPort, addresses, probes, mailboxIds);
            }
            generator = generatorCpu() - generator;
            double[] serverAfter = serverCpu(cpu);
            if (cpu != null) {
                System.out.printf("server CPU per message: JVM %.3f ms (of which HTTP threads, the probes' polls: "
                                + "%.3f ms), PostgreSQL %.3f ms; generator %.3f ms (load %s -> %s)%n",
                        (serverAfter[0] - serverBefore[0]) * 1000 / MESSAGES,
                        (serverAfter[2] - serverBefore[2]) * 1000 / MESSAGES,
                        (serverAfter[1] - serverBefore[1]) * 1000 / MESSAGES, generator * 1000 / MESSAGES,
                        loadBefore, ProcessCpu.loadAverage());
            }
            if (probes != null) {
                probes.finish();
            }
        } finally {
            if (probes != null) {
                probes.pollers.shutdownNow();
            }
        }
        System.out.printf("QMailing SMTP ingest: %.0f messages/s (%d messages of %s bytes, %d connections, %d mailboxes%s)%n",
                rate, MESSAGES, smtpSource ? "~10.2 k (smtp-source -l " + SmtpSourceLoad.PAYLOAD_BYTES + ")"
                        : Integer.toString(MESSAGE_BYTES), CONNECTIONS, MAILBOXES,
                smtpSource ? ", smtp-source" : "");
        if (!Double.isNaN(sinkRate)) {
            System.out.printf("QMailing / smtp-sink: %.1f %%%n", 100 * rate / sinkRate);
        }
        if (smtpSource && probes != null) {
            System.out.println("  probe DATA -> 250: " + probes.accepted.summary());
        }
        System.out.println("250 -> listed by GET /email: " + (probes == null
                ? "not probed with fewer than " + FEWEST_MAILBOXES_TO_PROBE + " mailboxes" : visible.summary()));
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (name.equals(args[i])) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** The load generator's CPU: this program's own, plus the smtp-source processes it started and reaped. */
    private static double generatorCpu() {
        return ProcessCpu.ownSeconds() + ProcessCpu.reapedChildrenSeconds();
    }

    private static double[] serverCpu(String pids) {
        if (pids == null) {
            return new double[3];
        }
        String[] both = pids.split(":");
        long jvm = Long.parseLong(both[0]);
        return new double[] {ProcessCpu.seconds(jvm, false), ProcessCpu.seconds(Long.parseLong(both[1]), true),
                ProcessCpu.threadSeconds(jvm, "http-nio-")};
    }

    /**
     * Sends probe messages next to smtp-source's load, round robin over the mailboxes, each timed
     * from its {@code 250} until it is listed.
     */
    private static final class ProbeSender {

        private final Thread thread;
        private volatile boolean running = true;

        ProbeSender(int smtpPort, List<String> addresses, List<String> mailboxIds, Probes probes) {
            thread = new Thread(() -> {
                long period = 1_000_000_000L / PROBES_PER_SECOND;
                long next = System.nanoTime();
                try (SmtpSession session = new SmtpSession("127.0.0.1", smtpPort)) {
                    for (int n = 0; running; n++) {
                        int box = n % addresses.size();
                        String marker = "probe-" + n + "-" + UUID.randomUUID();
                        long t0 = System.nanoTime();
                        session.send("probe@example.org", addresses.get(box), message(addresses.get(box), marker));
                        long acceptedAt = System.nanoTime();
                        probes.accepted.record(acceptedAt - t0);
                        probes.watch(mailboxIds.get(box), marker, acceptedAt);
                        next += period;
                        LockSupport.parkNanos(next - System.nanoTime());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("probe sender failed", e);
                }
            }, "probe-sender");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** Sends the whole load; returns messages per second. */
    private static double load(String host, int port, List<String> addresses, Probes probes, List<String> mailboxIds)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        Latencies accepted = new Latencies(MESSAGES);
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
        long start = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            senders.add(connections.submit(() -> {
                try (SmtpSession session = new SmtpSession(host, port)) {
                    for (int n = next.getAndIncrement(); n < MESSAGES; n = next.getAndIncrement()) {
                        int box = n % addresses.size();
                        String marker = "bench-" + n + "-" + UUID.randomUUID();
                        long t0 = System.nanoTime();
                        session.send("load@example.org", addresses.get(box), message(addresses.get(box), marker));
                        long acceptedAt = System.nanoTime();
                        accepted.record(acceptedAt - t0);
                        if (probes != null && n % SAMPLE_EVERY == 0) {
                            probes.watch(mailboxIds.get(box), marker, acceptedAt);
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            connections.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("  DATA -> 250: " + accepted.summary());
        return MESSAGES / seconds;
    }

    private static byte[] message(String to, String marker) {
        StringBuilder text = new StringBuilder(MESSAGE_BYTES + 512);
        text.append("From: Load <load@example.org>\r\nTo: ").append(to).append("\r\nSubject: ").append(marker)
                .append("\r\nMessage-ID: <").append(marker).append("@example.org>\r\n")
                .append("Date: Mon, 23 Nov 2026 12:00:00 +0000\r\nMIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        while (text.length() < MESSAGE_BYTES) {
            text.append("The quick brown fox jumps over the lazy dog, again and again and again.\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Polls the list API for sampled messages, so visibility is measured while the load runs. */
    private static final class Probes {

        private final ExecutorService pollers = Executors.newFixedThreadPool(4);
        private final List<Future<?>> pending = new ArrayList<>();
        private final String base;
        private final String token;
        private final Latencies visible;
        private final long pollNanos;
        /** DATA to 250 of the probe messages themselves (with {@code --smtp-source}: the generator reports none). */
        private final Latencies accepted = new Latencies(100_000);

        Probes(String base, String token, Latencies visible, int pollMillis) {
            this.pollNanos = pollMillis * 1_000_000L;
            this.base = base;
            this.token = token;
            this.visible = visible;
        }

        synchronized void watch(String mailboxId, String marker, long acceptedAt) {
            pending.add(pollers.submit(() -> {
                Http http = new Http(base);
                while (true) {
                    JsonNode listed = http.expect(200, "GET", "/api/v1/pub/email?limit=50&mailboxId=" + mailboxId,
                            token, null);
                    for (JsonNode email : listed) {
                        if (marker.equals(email.get("subject").asText())) {
                            visible.record(System.nanoTime() - acceptedAt);
                            return null;
                        }
                    }
                    if (System.nanoTime() - acceptedAt > 60_000_000_000L) {
                        throw new IllegalStateException(marker + " not listed after 60 s");
                    }
                    LockSupport.parkNanos(pollNanos);
                }
            }));
        }

        void finish() throws Exception {
            List<Future<?>> all;
            synchronized (this) {
                all = List.copyOf(pending);
            }
            for (Future<?> probe : all) {
                probe.get();
            }
            pollers.shutdown();
        }
    }
}
