package com.qmailing.command.history;

import com.qmailing.command.config.BeforeCommitBatch;
import com.qmailing.command.config.LookupTables;
import com.qmailing.command.config.UuidArrays;
import com.qmailing.events.account.AccountCreatedEvent;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailForwardQueuedEvent;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.email.EmailReceivedEvent;
import com.qmailing.events.email.EmailSentEvent;
import com.qmailing.events.mailbox.MailboxCreatedEvent;
import com.qmailing.events.mailbox.MailboxPurgedEvent;
import com.qmailing.events.token.ApiTokenIssuedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

/**
 * Which aggregates belong to which account, written with each creation in its own transaction:
 * what a mailbox purge must purge with it, and where an account's history lies in the event store.
 * Ids only: the rows stay after a purge so the (shredded) history can still be audited.
 */
@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
public class AccountAggregates {

    enum Kind { ACCOUNT, MAILBOX, EMAIL, TOKEN }

    private final JdbcTemplate jdbc;
    private final BeforeCommitBatch<UUID> purgedEmails;
    /** A group of received messages writes its emails' rows in one statement at its commit. */
    private final BeforeCommitBatch<Row> added;

    AccountAggregates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.added = new BeforeCommitBatch<>(this::insert);
        this.purgedEmails = new BeforeCommitBatch<>(emails -> UuidArrays.update(jdbc,
                "update account_aggregates set purged = true where aggregate_id = any(?)", emails));
    }

    /** At most {@code limit} of the mailbox's emails not yet purged, in id order. */
    public List<EmailId> unpurgedEmailsOf(MailboxId mailbox, int limit) {
        return jdbc.queryForList("select aggregate_id from account_aggregates where mailbox_id = ? and kind = ? "
                        + "and not purged order by aggregate_id limit ?", UUID.class, mailbox.value(),
                        Kind.EMAIL.name(), limit)
                .stream().map(EmailId::new).toList();
    }

    @EventHandler
    void on(AccountCreatedEvent event) {
        add(event.accountId().value(), event.accountId(), null, Kind.ACCOUNT);
    }

    @EventHandler
    void on(MailboxCreatedEvent event) {
        add(event.mailboxId().value(), event.accountId(), null, Kind.MAILBOX);
    }

    @EventHandler
    void on(EmailReceivedEvent event) {
        add(event.emailId().value(), event.accountId(), event.mailboxId(), Kind.EMAIL);
    }

    @EventHandler
    void on(EmailSentEvent event) {
        add(event.emailId().value(), event.accountId(), event.mailboxId(), Kind.EMAIL);
    }

    /** A forward copy is the mailbox's until it is settled: a mailbox purge takes it too. */
    @EventHandler
    void on(EmailForwardQueuedEvent event) {
        add(event.emailId().value(), event.accountId(), event.mailboxId(), Kind.EMAIL);
    }

    @EventHandler
    void on(ApiTokenIssuedEvent event) {
        add(event.tokenId().value(), event.accountId(), null, Kind.TOKEN);
    }

    /** Once per transaction for all its purged emails: a mailbox purge batch holds hundreds. */
    @EventHandler
    void on(EmailPurgedEvent event) {
        purgedEmails.add(event.emailId().value());
    }

    @EventHandler
    void on(MailboxPurgedEvent event) {
        purged(event.mailboxId().value());
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        jdbc.update("update account_aggregates set purged = true where account_id = ?", event.accountId().value());
    }

    private void add(UUID aggregate, AccountId account, MailboxId mailbox, Kind kind) {
        added.add(new Row(aggregate, account.value(), mailbox == null ? null : mailbox.value(), kind));
    }

    private void insert(List<Row> rows) {
        jdbc.update("insert into account_aggregates (aggregate_id, account_id, mailbox_id, kind) "
                + "select * from unnest(?, ?, ?, ?) on conflict do nothing", statement -> {
                    Connection connection = statement.getConnection();
                    statement.setArray(1, connection.createArrayOf("uuid", rows.stream().map(Row::aggregate).toArray()));
                    statement.setArray(2, connection.createArrayOf("uuid", rows.stream().map(Row::account).toArray()));
                    statement.setArray(3, connection.createArrayOf("uuid", rows.stream().map(Row::mailbox).toArray()));
                    statement.setArray(4, connection.createArrayOf("text",
                            rows.stream().map(row -> row.kind().name()).toArray()));
                });
    }

    private record Row(UUID aggregate, UUID account, UUID mailbox, Kind kind) {
    }

    private void purged(UUID aggregate) {
        jdbc.update("update account_aggregates set purged = true where aggregate_id = ?", aggregate);
    }
}
