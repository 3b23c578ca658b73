package com.qmailing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The send path's figure: {@code POST /email/send} to a hosted recipient with 8 concurrent
 * clients, and how long after each {@code 201} the recipient's INBOX lists the message.
 * <p>
 * Every client is its own {@code PRO_MAX} account (50,000 sends a day and 60,000 requests a
 * minute each, so neither limit is reached) sending from one mailbox to one mailbox of a separate
 * recipient account; each recipient mailbox is watched by {@link InboxWatcher}. Every message must
 * arrive: the program exits 1 if one is missing after 60 s.
 * <p>
 * Usage: {@code benchmarks/run.sh SendBenchmark [baseUrl] [adminToken]}; the number of measured
 * sends per client is {@code -Dqmailing.bench.sends} (default 1,500), after 100 per client to warm up.
 * With {@code -Dqmailing.bench.rate=<sends/s>} the clients together send at that fixed rate instead of
 * flat out: the INBOX delay at a load the delivery keeps up with.
 */
public final class SendBenchmark {

    private static final int CLIENTS = 8;
    private static final int SENDS = Integer.getInteger("qmailing.bench.sends", 1_500);
    private static final int WARMUP = 100;
    private static final int RATE = Integer.getInteger("qmailing.bench.rate", 0);

    private record Client(Accounts.Account account, Accounts.Mailbox from, Accounts.Mailbox to) {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String admin = Accounts.adminToken(args, 1);
        Http setup = new Http(base);
        Accounts.Account recipient = Accounts.create(setup, admin, "PRO_MAX");
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Accounts.Account sender = Accounts.create(setup, admin, "PRO_MAX");
            clients.add(new Client(sender, Accounts.mailbox(setup, sender.token(), "sender" + i),
                    Accounts.mailbox(setup, recipient.token(), "rcpt" + i)));
        }
        List<String> inboxes = clients.stream().map(c -> c.to().id()).toList();
        boolean complete;
        try (InboxWatcher watcher = new InboxWatcher(base, recipient.token(), inboxes)) {
            run(base, clients, watcher, WARMUP, "warm-up");
            complete = run(base, clients, watcher, SENDS, "measured");
        }
        System.out.println("recipient account " + recipient.id());
        if (!complete) {
            System.out.println("FAILED: messages lost");
            System.exit(1);
        }
    }

    /** One phase; returns whether every message reached its recipient's INBOX. */
    private static boolean run(String base, List<Client> clients, InboxWatcher watcher, int perClient, String phase)
            throws Exception {
        Latencies created = new Latencies(clients.size() * perClient);
        List<InboxWatcher.Expected> sent = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        long start = System.nanoTime();
        List<Future<List<InboxWatcher.Expected>>> running = new ArrayList<>();
        for (Client client : clients) {
            running.add(pool.submit(() -> {
                Http http = new Http(base);
                List<InboxWatcher.Expected> mine = new ArrayList<>(perClient);
                long interval = RATE == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * clients.size() / RATE;
                long first = start + clients.indexOf(client) * interval / clients.size();
                for (int i = 0; i < perClient; i++) {
                    if (interval > 0) {
                        LockSupport.parkNanos(first + i * interval - System.nanoTime());
                    }
                    String subject = "send-" + phase + "-" + UUID.randomUUID();
                    InboxWatcher.Expected expected = watcher.expect(subject);
                    long t0 = System.nanoTime();
                    http.sendEmail(client.account().token(), Map.of("mailboxId", client.from().id(),
                            "to", List.of(client.to().address()), "subject", subject,
                            "bodyText", "A benchmark message.\nNothing else."));
                    expected.acceptedAt = System.nanoTime();
                    created.record(expected.acceptedAt - t0);
                    mine.add(expected);
                }
                return mine;
            }));
        }
        for (Future<List<InboxWatcher.Expected>> client : running) {
            sent.addAll(client.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        int missing = watcher.awaitAll(TimeUnit.SECONDS.toNanos(60));
        int swept = missing == 0 ? 0 : watcher.sweep();
        missing = watcher.pending();
        double allListed = (System.nanoTime() - start) / 1e9;
        Latencies listed = new Latencies(sent.size());
        for (InboxWatcher.Expected expected : sent) {
            if (expected.listedAt != 0) {
                listed.record(Math.max(0, expected.listedAt - expected.acceptedAt));
            }
        }
        System.out.printf("POST /email/send (%s, %d clients%s, hosted recipient): %.0f sends/s, 201 after: %s%n",
                phase, clients.size(), RATE == 0 ? "" : " paced at " + RATE + "/s", sent.size() / seconds, created.summary());
        System.out.printf("  201 -> recipient INBOX lists it (polled every %d ms): %s; all listed after %.1f s; "
                        + "found only by the final sweep: %d; missing: %d%n",
                InboxWatcher.POLL_NANOS / 1_000_000, listed.summary(), allListed, swept, missing);
        return missing == 0;
    }
}
