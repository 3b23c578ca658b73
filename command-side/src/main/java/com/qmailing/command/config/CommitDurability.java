package com.qmailing.command.config;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the current PostgreSQL transaction waits for its commit record to reach the disk.
 * <p>
 * An asynchronous commit is visible to every reader at once and is lost only in a crash of the
 * database server, and then only with the transactions after it: the write-ahead log is one
 * sequence, so the next synchronous commit (any command's) flushes every earlier one too. That
 * makes it right for work that is rebuilt by replay when lost, and wrong for anything a client
 * was promised.
 */
public final class CommitDurability {

    private CommitDurability() {
    }

    /** This transaction's commit does not wait for the disk. */
    public static void relaxed(JdbcTemplate jdbc) {
        jdbc.execute("set local synchronous_commit = off");
    }

    /** This transaction's commit waits for the disk again, as every commit does by default. */
    public static void durable(JdbcTemplate jdbc) {
        jdbc.execute("set local synchronous_commit = on");
    }
}
