package com.qmailing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The send figure with a cheap load generator: {@code wrk} (script {@code benchmarks/wrk/send.lua})
 * sends {@code POST /email/send} to hosted recipients over 8 connections from 8 accounts, while
 * this program only probes how long the recipient's INBOX takes to list a send, and checks that
 * every send {@code wrk} got a {@code 201} for reached its INBOX.
 * <p>
 * {@link SendBenchmark} does the same with 8 Java clients, which on 2 cores take a good part of the
 * CPU the server needs, and polls 8 INBOXes every 50 ms. Here the probe is a ninth sending
 * account that sends {@code rate} messages a second (default 5) to a ninth recipient mailbox,
 * polled every {@link InboxWatcher#POLL_NANOS}: its messages go through the same delivery as
 * {@code wrk}'s, so their INBOX delay is the one a sender sees under that load. The probe sends are
 * timed from their {@code 201}; they are not counted in the send rate.
 * <p>
 * Every {@code 201} of {@code wrk} is written by the script to a file (its subject); after the run
 * the program waits until the INBOX totals reach those counts, then pages through the INBOXes and
 * fails (exit 1) if one accepted subject is missing. Sends still in flight when {@code wrk} stops
 * may be stored without being counted: the totals may exceed the accepted count, never the reverse.
 * <p>
 * Usage: {@code benchmarks/run.sh SendLoadBenchmark baseUrl adminToken [seconds] [probesPerSecond]};
 * a 15 s warm-up with the same load comes first. With {@code -Dqmailing.bench.pids=<jvm>,<postmaster>}
 * it also prints the server's CPU per send ({@link ServerProcesses}).
 */
public final class SendLoadBenchmark {

    private static final int SENDERS = 8;
    private static final int WARMUP_SECONDS = 15;

    private record Sender(Accounts.Account account, Accounts.Mailbox from, Accounts.Mailbox to) {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String admin = Accounts.adminToken(args, 1);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int probeRate = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path script = Path.of("benchmarks/wrk/send.lua").toAbsolutePath();
        Path work = Files.createTempDirectory("send-load");

        Http http = new Http(base);
        Accounts.Account recipient = Accounts.create(http, admin, "PRO_MAX");
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i <= SENDERS; i++) {
            Accounts.Account sender = Accounts.create(http, admin, "PRO_MAX");
            senders.add(new Sender(sender, Accounts.mailbox(http, sender.token(), "sender" + i),
                    Accounts.mailbox(http, recipient.token(), "rcpt" + i)));
        }
        Sender probe = senders.remove(SENDERS);
        String wrkSenders = senders.stream().map(s -> s.account().token() + "|" + s.from().id() + "|"
                + s.to().address()).collect(Collectors.joining(";"));
        List<String> inboxes = senders.stream().map(s -> s.to().id()).toList();

        try (InboxWatcher watcher = new InboxWatcher(base, recipient.token(), List.of(probe.to().id()))) {
            Load load = new Load(base, script, work, wrkSenders, recipient.token(), inboxes, probe, probeRate, watcher);
            load.phase("warm-up", WARMUP_SECONDS);
            List<String> accepted = load.phase("measured", seconds);
            Set<String> listed = listedSubjects(http, recipient.token(), inboxes);
            long missing = accepted.stream().filter(subject -> !listed.contains(subject)).count();
            System.out.printf("accepted sends of the measured run not listed in their INBOX: %d%n", missing);
            System.out.println("recipient account " + recipient.id());
            if (missing > 0) {
                System.out.println("FAILED: messages lost");
                System.exit(1);
            }
        }
    }

    /** The load of one phase: wrk, the probe sends, then waiting for the INBOXes to list everything. */
    private record Load(String base, Path script, Path work, String senders, String recipientToken,
                        List<String> inboxes, Sender probe, int probeRate, InboxWatcher watcher) {

        /** Returns the subjects wrk got a 201 for. */
        List<String> phase(String name, int seconds) throws Exception {
            String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            ProcessBuilder wrk = new ProcessBuilder("wrk", "-t2", "-c" + SENDERS, "-d" + seconds + "s", "--timeout",
                    "30s", "-s", script.toString(), base + "/api/v1/pub/email/send").redirectErrorStream(true);
            wrk.environment().put("SENDERS", senders);
            wrk.environment().put("RUN", run);
            wrk.environment().put("ACCEPTED", work.resolve(name).toString());
            Http http = new Http(base);
            long listedBefore = inboxTotal(http, recipientToken, inboxes);
            ServerProcesses cpu = new ServerProcesses(System.getProperty("qmailing.bench.pids"));
            double[] cpuBefore = cpu.seconds();
            Process process = wrk.start();

            Latencies created = new Latencies(seconds * probeRate + 10);
            List<InboxWatcher.Expected> probes = new ArrayList<>();
            long interval = TimeUnit.SECONDS.toNanos(1) / Math.max(1, probeRate);
            long start = System.nanoTime();
            for (int i = 0; probeRate > 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds); i++) {
                LockSupport.parkNanos(start + i * interval - System.nanoTime());
                String subject = "probe-" + run + "-" + i;
                InboxWatcher.Expected expected = watcher.expect(subject);
                long t0 = System.nanoTime();
                http.sendEmail(probe.account().token(), Map.of("mailboxId", probe.from().id(),
                        "to", List.of(probe.to().address()), "subject", subject,
                        "bodyText", "A benchmark message.\nNothing else."));
                expected.acceptedAt = System.nanoTime();
                created.record(expected.acceptedAt - t0);
                probes.add(expected);
            }
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            long ended = System.nanoTime();
            List<String> accepted = accepted(work, name);
            long deadline = ended + TimeUnit.SECONDS.toNanos(120);
            long listed;
            while ((listed = inboxTotal(http, recipientToken, inboxes) - listedBefore) < accepted.size()
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            double drained = (System.nanoTime() - ended) / 1e9;
            double[] cpuAfter = cpu.seconds();
            int missing = watcher.awaitAll(TimeUnit.SECONDS.toNanos(60));
            Latencies delays = new Latencies(probes.size());
            for (InboxWatcher.Expected expected : probes) {
                if (expected.listedAt != 0) {
                    delays.record(Math.max(0, expected.listedAt - expected.acceptedAt));
                }
            }
            System.out.printf("POST /email/send (%s, wrk -c%d, %d accounts, hosted recipients, %d s): %.0f sends/s "
                    + "accepted (201)%n", name, SENDERS, SENDERS, seconds, accepted.size() / (double) seconds);
            output.lines().filter(line -> line.startsWith("wrk:")).forEach(line -> System.out.println("  " + line));
            System.out.printf("  INBOX totals grew by %d for %d accepted, %.1f s after wrk ended (sends in flight at "
                    + "the end may add a few)%n", listed, accepted.size(), drained);
            if (cpu.enabled()) {
                int sends = accepted.size() + probes.size();
                StringBuilder line = new StringBuilder("  server CPU from wrk's start until all were listed, per send ("
                        + sends + " with the probes):");
                for (int i = 0; i < cpuAfter.length; i++) {
                    line.append(String.format(" process %d: %.2f ms", i + 1, (cpuAfter[i] - cpuBefore[i]) * 1000 / sends));
                }
                System.out.println(line);
            }
            System.out.printf("  probe (%d/s): 201 after %s%n", probeRate, created.summary());
            System.out.printf("  probe: 201 -> recipient INBOX lists it (polled every %d ms): %s; missing: %d%n",
                    InboxWatcher.POLL_NANOS / 1_000_000, delays.summary(), missing);
            return accepted;
        }
    }

    private static List<String> accepted(Path work, String name) throws IOException {
        List<String> subjects = new ArrayList<>();
        try (var files = Files.list(work)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList()) {
                subjects.addAll(Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList());
            }
        }
        return subjects;
    }

    private static long inboxTotal(Http http, String token, List<String> inboxes) {
        long total = 0;
        for (String mailbox : inboxes) {
            HttpResponse<String> page = http.send("GET", "/api/v1/pub/email?folder=INBOX&limit=1&mailboxId="
                    + mailbox, token, null);
            total += Long.parseLong(page.headers().firstValue("X-Total-Count").orElse("0"));
        }
        return total;
    }

    private static Set<String> listedSubjects(Http http, String token, List<String> inboxes) {
        Set<String> subjects = new HashSet<>();
        for (String mailbox : inboxes) {
            for (int offset = 0; ; offset += 100) {
                JsonNode page = http.expect(200, "GET", "/api/v1/pub/email?folder=INBOX&limit=100&offset=" + offset
                        + "&mailboxId=" + mailbox, token, null);
                page.forEach(email -> subjects.add(email.get("subject").asText()));
                if (page.size() < 100) {
                    break;
                }
            }
        }
        return subjects;
    }
}
