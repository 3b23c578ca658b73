package com.qmailing.query.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.EmailReceivedEvent;
import com.qmailing.events.email.EmailSentEvent;
import com.qmailing.events.email.Folder;
import com.qmailing.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A new email's row and its mailbox's counters are written together, and only once however often its event comes. */
class EmailProjectionTest {

    private static JdbcTemplate jdbc;
    private static EmailProjection projection;
    private final AccountId account = AccountId.random();
    private final MailboxId mailbox = MailboxId.random();

    @BeforeAll
    static void database() {
        DataSource dataSource = TestDatabase.migrated();
        jdbc = new JdbcTemplate(dataSource);
        projection = new EmailProjection(jdbc);
    }

    @Test
    void aReceivedEmailShouldCountOnceInItsMailboxEvenWhenItsEventIsHandledAgain() {
        EmailReceivedEvent first = received(1_000);
        projection.on(first);
        projection.on(first);
        projection.on(received(500));

        assertThat(stats()).containsEntry("email_count", 2L).containsEntry("unread_count", 2L)
                .containsEntry("size_bytes", 1_500L);
        assertThat(folderCount(Folder.INBOX)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from email_view where mailbox_id = ?", Long.class,
                mailbox.value())).isEqualTo(2);
    }

    @Test
    void aSentCopyShouldCountAsReadInSent() {
        EmailSentEvent sent = new EmailSentEvent(EmailId.random(), account, mailbox, UUID.randomUUID(), 700,
                headers(), List.of(EmailAddress.parse("to@example.org")), Instant.parse("2026-11-24T10:00:00Z"));
        projection.on(sent);
        projection.on(sent);

        assertThat(stats()).containsEntry("email_count", 1L).containsEntry("unread_count", 0L)
                .containsEntry("size_bytes", 700L);
        assertThat(folderCount(Folder.SENT)).isEqualTo(1);
        assertThat(folderCount(Folder.INBOX)).isZero();
    }

    private EmailReceivedEvent received(long size) {
        return new EmailReceivedEvent(EmailId.random(), account, mailbox, Folder.INBOX, UUID.randomUUID(), size,
                headers(), Instant.parse("2026-11-24T10:00:00Z"));
    }

    private static EmailHeaders headers() {
        return new EmailHeaders("alice@example.org", "Alice", List.of("bob@qmailing.local"), null, null, "Hello",
                "Hello Bob", "<1@example.org>", null, null, null, null);
    }

    private Map<String, Object> stats() {
        return jdbc.queryForMap("select email_count, unread_count, size_bytes from mailbox_email_stats "
                + "where mailbox_id = ?", mailbox.value());
    }

    private long folderCount(Folder folder) {
        return jdbc.queryForObject("select coalesce(sum(email_count), 0) from mailbox_folder_counts "
                + "where mailbox_id = ? and folder = ?", Long.class, mailbox.value(), folder.name());
    }
}
