package com.qmailing.gateway.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Open SMTP connections to the relay, kept for the next message: a connection per message cost a
 * TCP handshake, the greeting, {@code EHLO} (and STARTTLS and a login where configured) and
 * {@code QUIT} for every send. A connection is used by one sender at a time, kept while idle for
 * at most {@link #MAX_IDLE} (relays close idle sessions after a few minutes), and replaced after
 * {@link #MAX_MESSAGES} messages (relays limit messages per session). At most {@code size} idle
 * connections are kept; a caller that finds none opens its own.
 */
final class RelayConnections implements AutoCloseable {

    static final Duration MAX_IDLE = Duration.ofSeconds(30);
    static final int MAX_MESSAGES = 100;

    /** A connection and what it has done so far. */
    static final class Connection {

        private final Transport transport;
        private int messages;
        private Instant idleSince;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        Transport transport() {
            return transport;
        }

        /** Whether it carried a message before this use: then a failure may only mean the relay dropped it while idle. */
        boolean reused() {
            return messages > 0;
        }
    }

    private final Session session;
    private final OutboundProperties.Relay relay;
    private final int size;
    private final Clock clock;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    RelayConnections(Session session, OutboundProperties.Relay relay, int size, Clock clock) {
        this.session = session;
        this.relay = relay;
        this.size = size;
        this.clock = clock;
    }

    /** The most recently used idle connection that is still fresh, or a new one. */
    Connection take() throws MessagingException {
        Instant now = clock.instant();
        while (true) {
            Connection kept;
            synchronized (this) {
                kept = idle.pollFirst();
            }
            if (kept == null) {
                return open();
            }
            if (Duration.between(kept.idleSince, now).compareTo(MAX_IDLE) < 0) {
                return kept;
            }
            close(kept);
        }
    }

    /** A fresh connection, never one from the pool: for the retry after a kept one turned out dead. */
    Connection open() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        if (relay.user().isBlank()) {
            transport.connect();
        } else {
            transport.connect(relay.user(), relay.password());
        }
        return new Connection(transport);
    }

    /** After a delivered message: kept for the next one, unless it has carried enough or the pool is full. */
    void keep(Connection connection) {
        connection.messages++;
        connection.idleSince = clock.instant();
        if (connection.messages < MAX_MESSAGES) {
            synchronized (this) {
                if (!closed && idle.size() < size) {
                    idle.addFirst(connection);
                    return;
                }
            }
        }
        close(connection);
    }

    /** After any failure the session's state is unknown: it is never used again. */
    void discard(Connection connection) {
        close(connection);
    }

    @Override
    public void close() {
        Deque<Connection> left;
        synchronized (this) {
            closed = true;
            left = new ArrayDeque<>(idle);
            idle.clear();
        }
        left.forEach(RelayConnections::close);
    }

    private static void close(Connection connection) {
        try {
            connection.transport.close();
        } catch (MessagingException e) {
            // QUIT on a connection the relay may already have closed: nothing to keep.
        }
    }
}
