package com.qmailing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls the INBOX of some mailboxes while a load runs and notes when each expected subject first
 * shows up. One poller per mailbox, every {@link #POLL_NANOS}: a few small list requests a second
 * instead of one per message, so the watching takes little of the server's CPU. The figure it
 * gives is late by up to one poll interval.
 */
final class InboxWatcher implements AutoCloseable {

    static final long POLL_NANOS = 50_000_000L;
    private static final int LIMIT = 25;

    /** When the sender got its answer and when the recipient's INBOX first listed it. */
    static final class Expected {
        volatile long acceptedAt;
        volatile long listedAt;
    }

    private final Map<String, Expected> pending = new ConcurrentHashMap<>();
    private final ExecutorService pollers;
    private volatile boolean running = true;

    private final String base;
    private final String token;
    private final List<String> mailboxIds;

    InboxWatcher(String base, String token, List<String> mailboxIds) {
        this.base = base;
        this.token = token;
        this.mailboxIds = List.copyOf(mailboxIds);
        pollers = Executors.newFixedThreadPool(mailboxIds.size());
        for (String mailboxId : mailboxIds) {
            pollers.execute(() -> poll(new Http(base), token, mailboxId));
        }
    }

    /** Call before the send: a hosted delivery may be listed before the sender has its 201. */
    Expected expect(String subject) {
        Expected expected = new Expected();
        pending.put(subject, expected);
        return expected;
    }

    int pending() {
        return pending.size();
    }

    /** Waits until every expected subject was listed or the timeout passed; returns how many are still missing. */
    int awaitAll(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        return pending.size();
    }

    /**
     * Pages through the whole INBOX of every mailbox once for subjects the pollers never saw (they
     * scrolled past between two polls); those count as delivered but untimed. Returns how many.
     */
    int sweep() {
        Http http = new Http(base);
        int found = 0;
        for (String mailboxId : mailboxIds) {
            for (int offset = 0; ; offset += 100) {
                JsonNode page = http.expect(200, "GET", "/api/v1/pub/email?folder=INBOX&limit=100&offset=" + offset
                        + "&mailboxId=" + mailboxId, token, null);
                for (JsonNode email : page) {
                    if (pending.remove(email.get("subject").asText()) != null) {
                        found++;
                    }
                }
                if (page.size() < 100) {
                    break;
                }
            }
        }
        return found;
    }

    private void poll(Http http, String token, String mailboxId) {
        while (running) {
            long t0 = System.nanoTime();
            JsonNode listed;
            try {
                listed = http.expect(200, "GET", "/api/v1/pub/email?folder=INBOX&limit=" + LIMIT
                        + "&mailboxId=" + mailboxId, token, null);
            } catch (IllegalStateException e) {
                if (!running) {
                    return;
                }
                throw e;
            }
            long now = System.nanoTime();
            for (JsonNode email : listed) {
                Expected expected = pending.remove(email.get("subject").asText());
                if (expected != null) {
                    expected.listedAt = now;
                }
            }
            LockSupport.parkNanos(POLL_NANOS - (System.nanoTime() - t0));
        }
    }

    @Override
    public void close() {
        running = false;
        pollers.shutdownNow();
    }
}
