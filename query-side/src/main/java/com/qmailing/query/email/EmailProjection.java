package com.qmailing.query.email;

import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailFlagsChangedEvent;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.EmailMovedEvent;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.email.EmailReceivedEvent;
import com.qmailing.events.email.EmailRestoredEvent;
import com.qmailing.events.email.EmailSentEvent;
import com.qmailing.events.email.EmailTrashedEvent;
import com.qmailing.events.email.Folder;
import com.qmailing.events.mailbox.MailboxPurgedEvent;
import com.qmailing.query.support.ProjectionGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static com.qmailing.query.support.Rows.timestamp;

/**
 * Email rows for the lists and the detail, and the per-mailbox counters: emails outside the
 * trash, unread ones outside trash and spam, and every stored byte (trash included, it still
 * takes space until purged).
 */
@Component
@ProcessingGroup(ProjectionGroups.EMAILS)
class EmailProjection {

    /** Adds to a mailbox's (new or existing) totals: emails, unread and bytes, from {@code %s}. */
    private static final String ADD_TO_STATS = "insert into mailbox_email_stats as s (mailbox_id, account_id, "
            + "email_count, unread_count, size_bytes) %s on conflict (mailbox_id) do update set "
            + "email_count = s.email_count + excluded.email_count, "
            + "unread_count = s.unread_count + excluded.unread_count, size_bytes = s.size_bytes + excluded.size_bytes";
    /** Adds to a (folder, starred) bucket's total, from {@code %s}. */
    private static final String ADD_TO_FOLDER = "insert into mailbox_folder_counts as c (mailbox_id, account_id, "
            + "folder, starred, email_count) %s on conflict (mailbox_id, folder, starred) do update set "
            + "email_count = c.email_count + excluded.email_count";
    private static final String ADD_VALUES_TO_STATS = ADD_TO_STATS.formatted("values (?, ?, ?, ?, ?)");
    private static final String ADD_VALUES_TO_FOLDER = ADD_TO_FOLDER.formatted("values (?, ?, ?, ?, ?)");
    /**
     * A new email's row and what it adds to its mailbox's counters in one statement: one round trip
     * where three were, for every received and sent copy. A row that exists already (an event
     * handled again) inserts nothing, so it counts nothing.
     */
    private static final String INSERT_COUNTED = "with inserted as (insert into email_view (email_id, account_id, "
            + "mailbox_id, folder, thread_id, from_address, from_name, from_key, from_domain, to_address, cc, bcc, "
            + "subject, preview_text, message_id, in_reply_to, read, attachments, size_bytes, received_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) "
            + "on conflict (email_id) do nothing returning mailbox_id, account_id), "
            + "folder_count as (" + ADD_TO_FOLDER.formatted("select mailbox_id, account_id, ?, ?, 1 from inserted")
            + ") " + ADD_TO_STATS.formatted("select mailbox_id, account_id, ?, ?, ? from inserted");

    private final JdbcTemplate jdbc;

    EmailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EmailReceivedEvent event) {
        insert(event.emailId(), event.accountId(), event.mailboxId(), event.folder(), event.threadId(),
                event.headers(), false, event.sizeBytes(), event.receivedAt());
    }

    /** The sender's own copy: in SENT, already read, and the only row that shows its Bcc list. */
    @EventHandler
    void on(EmailSentEvent event) {
        insert(event.emailId(), event.accountId(), event.mailboxId(), Folder.SENT, event.threadId(), event.headers(),
                true, event.sizeBytes(), event.sentAt());
    }

    private void insert(EmailId email, AccountId account, MailboxId mailbox, Folder folder, UUID thread,
                        EmailHeaders sealed, boolean read, long sizeBytes, Instant at) {
        // Replayed after a purge, the headers were shredded: the row keeps only what was never secret.
        EmailHeaders headers = sealed == null
                ? new EmailHeaders(null, null, null, null, null, null, null, null, null, null, null, null)
                : sealed;
        String fromKey = headers.fromAddress() == null ? null : headers.fromAddress().toLowerCase(Locale.ROOT);
        String fromDomain = fromKey == null || fromKey.indexOf('@') < 0 ? null
                : fromKey.substring(fromKey.lastIndexOf('@') + 1);
        Counted counted = new Counted(folder, read, false);
        jdbc.update(INSERT_COUNTED,
                email.value(), account.value(), mailbox.value(), folder.name(), thread, headers.fromAddress(),
                headers.fromName(), fromKey, fromDomain, joined(headers.to()), joined(headers.cc()),
                joined(headers.bcc()), headers.subject(), headers.previewText(), headers.messageId(),
                headers.inReplyTo(), read, AttachmentsJson.write(headers.attachments()), sizeBytes, timestamp(at),
                folder.name(), counted.starred(), counted.inCount(), counted.unread(), sizeBytes);
    }

    @EventHandler
    void on(EmailFlagsChangedEvent event) {
        change(event.emailId(), before -> new Counted(before.folder(), event.read(), event.starred()),
                "update email_view set read = ?, starred = ? where email_id = ?",
                event.read(), event.starred(), event.emailId().value());
    }

    @EventHandler
    void on(EmailMovedEvent event) {
        change(event.emailId(), before -> before.in(event.to()),
                "update email_view set folder = ? where email_id = ?", event.to().name(), event.emailId().value());
    }

    @EventHandler
    void on(EmailTrashedEvent event) {
        change(event.emailId(), before -> before.in(Folder.TRASH),
                "update email_view set folder = ?, previous_folder = ?, purge_at = ? where email_id = ?",
                Folder.TRASH.name(), event.previousFolder().name(), timestamp(event.purgeAt()),
                event.emailId().value());
    }

    @EventHandler
    void on(EmailRestoredEvent event) {
        change(event.emailId(), before -> before.in(event.folder()),
                "update email_view set folder = ?, previous_folder = null, purge_at = null where email_id = ?",
                event.folder().name(), event.emailId().value());
    }

    /** The row goes, and with it what it added to its mailbox's counters. */
    @EventHandler
    void on(EmailPurgedEvent event) {
        before(event.emailId()).ifPresent(row -> {
            jdbc.update("delete from email_view where email_id = ?", event.emailId().value());
            count(row, Counted.NOTHING, -event.sizeBytes());
        });
    }

    @EventHandler
    void on(MailboxPurgedEvent event) {
        jdbc.update("delete from email_view where mailbox_id = ?", event.mailboxId().value());
        jdbc.update("delete from mailbox_email_stats where mailbox_id = ?", event.mailboxId().value());
        jdbc.update("delete from mailbox_folder_counts where mailbox_id = ?", event.mailboxId().value());
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        jdbc.update("delete from email_view where account_id = ?", event.accountId().value());
        jdbc.update("delete from mailbox_email_stats where account_id = ?", event.accountId().value());
        jdbc.update("delete from mailbox_folder_counts where account_id = ?", event.accountId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate email_view, mailbox_email_stats, mailbox_folder_counts");
    }

    private void change(EmailId email, UnaryOperator<Counted> after, String update,
                        Object... arguments) {
        Optional<Row> before = before(email);
        jdbc.update(update, arguments);
        before.ifPresent(row -> count(row, after.apply(row.counted()), 0));
    }

    private Optional<Row> before(EmailId email) {
        return jdbc.query("select mailbox_id, account_id, folder, read, starred from email_view where email_id = ?",
                (rs, row) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        new Counted(Folder.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getBoolean(5))),
                email.value()).stream().findFirst();
    }

    /** @param row the email as it was counted before, with a null {@code counted} for a new one */
    private void count(Row row, Counted after, long addedBytes) {
        Counted before = row.counted();
        countFolders(row, before, after);
        long emails = after.inCount() - (before == null ? 0 : before.inCount());
        long unread = after.unread() - (before == null ? 0 : before.unread());
        if (emails == 0 && unread == 0 && addedBytes == 0) {
            return;
        }
        jdbc.update(ADD_VALUES_TO_STATS,
                row.mailbox(), row.account(), emails, unread, addedBytes);
    }

    /** Moves the email between the (folder, starred) buckets that list totals are summed from. */
    private void countFolders(Row row, Counted before, Counted after) {
        if (before != null && before.sameBucket(after)) {
            return;
        }
        if (before != null && before.folder() != null) {
            addToFolder(row, before, -1);
        }
        if (after.folder() != null) {
            addToFolder(row, after, 1);
        }
    }

    private void addToFolder(Row row, Counted bucket, long delta) {
        jdbc.update(ADD_VALUES_TO_FOLDER,
                row.mailbox(), row.account(), bucket.folder().name(), bucket.starred(), delta);
    }

    private static String joined(List<String> addresses) {
        return addresses == null || addresses.isEmpty() ? null : String.join(", ", addresses);
    }

    private record Row(UUID mailbox, UUID account, Counted counted) {
    }

    /** What one email adds to its mailbox's counters; {@link #NOTHING} once it is purged. */
    private record Counted(Folder folder, boolean read, boolean starred) {

        static final Counted NOTHING = new Counted(null, true, false);

        Counted in(Folder to) {
            return new Counted(to, read, starred);
        }

        boolean sameBucket(Counted other) {
            return folder == other.folder && starred == other.starred;
        }

        long inCount() {
            return folder == null || folder == Folder.TRASH ? 0 : 1;
        }

        long unread() {
            return read || folder == Folder.TRASH || folder == Folder.SPAM ? 0 : 1;
        }
    }
}
