package com.qmailing.benchmarks;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;

import java.util.ArrayList;
import java.util.HashMap;
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
 * Relay delivery: {@code POST /email/send} to remote recipients with 8 clients while QMailing
 * relays through a GreenMail SMTP server that this program runs; halfway through the relay is
 * stopped for a while and started again on the same port. Every message must reach the relay
 * (counted by {@code Message-ID}; duplicates from at-least-once delivery are counted apart): the
 * program exits 1 if one is missing when the delivery retries should long be done.
 * <p>
 * QMailing must run with {@code QMAILING_OUTBOUND=smtp QMAILING_SMTP_RELAY_HOST=127.0.0.1
 * QMAILING_SMTP_RELAY_PORT=<relayPort> QMAILING_SMTP_RELAY_STARTTLS=false}.
 * <p>
 * Usage: {@code benchmarks/run.sh RelayBenchmark baseUrl adminToken relayPort [outageSeconds]};
 * {@code -Dqmailing.bench.messages} (default 12,000) and {@code -Dqmailing.bench.wait-seconds}
 * (how long to wait for the retries, default 600).
 */
public final class RelayBenchmark {

    private static final int CLIENTS = 8;
    private static final int MESSAGES = Integer.getInteger("qmailing.bench.messages", 12_000);
    private static final int WAIT_SECONDS = Integer.getInteger("qmailing.bench.wait-seconds", 600);
    private static final int REMOTE_RECIPIENTS = 10;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = Accounts.adminToken(args, 1);
        int relayPort = Integer.parseInt(args[2]);
        int outageSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        ServerSetup setup = new ServerSetup(relayPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        Relay relay = new Relay(setup);

        Http http = new Http(base);
        List<Accounts.Account> senders = new ArrayList<>();
        List<Accounts.Mailbox> from = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Accounts.Account sender = Accounts.create(http, admin, "PRO_MAX");
            senders.add(sender);
            from.add(Accounts.mailbox(http, sender.token(), "relay" + i));
        }

        Set<String> expected = ConcurrentHashMap.newKeySet();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Latencies created = new Latencies(MESSAGES);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                Http mine = new Http(base);
                for (int n = next.getAndIncrement(); n < MESSAGES; n = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    var sent = mine.sendEmail(senders.get(client).token(), Map.of("mailboxId", from.get(client).id(),
                            "to", List.of("rcpt" + (n % REMOTE_RECIPIENTS) + "@remote.example"),
                            "subject", "relay-" + n + "-" + UUID.randomUUID(), "bodyText", "A relayed message."));
                    created.record(System.nanoTime() - t0);
                    expected.add(messageId(sent.get("messageId").asText()));
                    accepted.incrementAndGet();
                }
                return null;
            }));
        }
        // The relay's rate is taken over the second quarter of the sends (the first warms the JIT
        // up); then the relay goes away for a while.
        Future<long[]> outage = pool.submit(() -> {
            awaitAccepted(accepted, MESSAGES / 4);
            long warm = System.nanoTime();
            int warmCount = relay.count();
            awaitAccepted(accepted, MESSAGES / 2);
            long down = System.nanoTime();
            int before = relay.count();
            relay.stop();
            TimeUnit.SECONDS.sleep(outageSeconds);
            relay.start();
            return new long[] {down, before, warm, warmCount};
        });
        for (Future<?> client : clients) {
            client.get();
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long[] cut = outage.get();
        pool.shutdown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        Map<String, Integer> received = relay.receivedByMessageId();
        for (int waited = 0; !received.keySet().containsAll(expected) && System.nanoTime() < deadline; waited++) {
            if (waited % 30 == 0) {
                long counted = expected.stream().filter(received::containsKey).count();
                System.out.printf("%.0f s: %d of %d accepted messages counted at the relay%n",
                        (System.nanoTime() - start) / 1e9, counted, expected.size());
            }
            TimeUnit.SECONDS.sleep(1);
            received.clear();
            received.putAll(relay.receivedByMessageId());
        }
        double allSeconds = (System.nanoTime() - start) / 1e9;
        relay.stop();

        long lost = expected.stream().filter(id -> !received.containsKey(id)).count();
        int duplicates = received.values().stream().mapToInt(count -> count - 1).sum();
        double beforeOutage = (cut[0] - start) / 1e9;
        System.out.printf("POST /email/send (%d clients, remote recipients): %.0f sends/s, 201 after: %s%n", CLIENTS,
                MESSAGES / sendSeconds, created.summary());
        System.out.printf("relay received %d messages in the %.1f s before it was stopped: %.0f messages/s "
                        + "(%d in %.1f s from the start)%n", cut[1] - cut[3], (cut[0] - cut[2]) / 1e9,
                (cut[1] - cut[3]) / ((cut[0] - cut[2]) / 1e9), cut[1], beforeOutage);
        System.out.printf("relay stopped %d s at %.1f s; %d messages accepted; the last counted at the relay %.1f s after the start%n",
                outageSeconds, beforeOutage, expected.size(), allSeconds);
        System.out.printf("distinct Message-IDs at the relay: %d, lost: %d, duplicates: %d%n", received.size(), lost,
                duplicates);
        if (lost > 0) {
            System.out.println("FAILED: messages lost");
            System.exit(1);
        }
    }

    private static void awaitAccepted(AtomicInteger accepted, int count) {
        while (accepted.get() < count) {
            LockSupport.parkNanos(10_000_000);
        }
    }

    private static String messageId(String value) {
        return value.replaceAll("^<|>$", "");
    }

    /**
     * GreenMail, started again on the same port after a stop. A stopped GreenMail replaces its store
     * with an empty one, so each run's store is taken before the stop and read after it: a message
     * acknowledged in the last moment before the stop is in it.
     */
    private static final class Relay {

        private final ServerSetup setup;
        private final Map<String, Integer> earlier = new HashMap<>();
        private GreenMail server;

        Relay(ServerSetup setup) {
            this.setup = setup;
            start();
        }

        synchronized void start() {
            server = new GreenMail(setup);
            server.start();
        }

        synchronized void stop() {
            Managers store = server.getManagers();
            server.stop();
            count(store.getImapHostManager().getAllMessages(), earlier);
        }

        synchronized int count() {
            return earlier.values().stream().mapToInt(Integer::intValue).sum()
                    + (server.isRunning() ? server.getManagers().getImapHostManager().getAllMessages().size() : 0);
        }

        /** Message-ID to how often it arrived, over this run and the ones before the last stop. */
        synchronized Map<String, Integer> receivedByMessageId() {
            Map<String, Integer> counts = new HashMap<>(earlier);
            if (server.isRunning()) {
                count(server.getManagers().getImapHostManager().getAllMessages(), counts);
            }
            return counts;
        }

        private static void count(List<StoredMessage> messages, Map<String, Integer> counts) {
            for (StoredMessage message : messages) {
                try {
                    counts.merge(messageId(message.getMimeMessage().getMessageID()), 1, Integer::sum);
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
