package com.qmailing.command.mailbox;

import com.qmailing.command.config.HostedDomains;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.MailboxId;
import com.qmailing.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage quota's count: appended per email, folded in the background into each mailbox's
 * counter and its account's, which the quota reads; nothing is counted twice or lost.
 */
class StorageCountTest {

    private static JdbcTemplate jdbc;
    private static AddressRegistry addresses;
    private static StorageCount count;
    private final AccountId account = AccountId.random();
    private final String name = "m" + account.value().toString().substring(0, 8);
    private final EmailAddress inbox = new EmailAddress(name + "-inbox", "qmailing.local");
    private final EmailAddress archive = new EmailAddress(name + "-archive", "qmailing.local");
    private final MailboxId inboxId = MailboxId.random();
    private final MailboxId archiveId = MailboxId.random();

    @BeforeAll
    static void database() {
        DataSource dataSource = TestDatabase.migrated();
        jdbc = new JdbcTemplate(dataSource);
        addresses = new AddressRegistry(jdbc, new HostedDomains("qmailing.local"));
        count = new StorageCount(jdbc);
    }

    @BeforeEach
    void account() {
        jdbc.update("insert into account_registry (account_id, email, plan) values (?, ?, 'FREE')",
                account.value(), name + "@example.org");
        addresses.claim(inbox, inboxId, account);
        addresses.claim(archive, archiveId, account);
    }

    @Test
    void theQuotaShouldCountEveryMailboxsStoredBytesOnceFolded() {
        addresses.addStorage(inboxId, 1_000);
        addresses.addStorage(archiveId, 500);
        addresses.removeStorage(inboxId, 200);
        assertThat(accountStorage()).as("not folded yet").isZero();

        count.fold();

        assertThat(accountStorage()).isEqualTo(1_300);
        assertThat(jdbc.queryForObject("select count(*) from mailbox_storage_entries where account_id = ?",
                Long.class, account.value())).isZero();
        assertThat(mailboxCounter(inboxId)).isEqualTo(800);
        assertThat(mailboxCounter(archiveId)).isEqualTo(500);
        count.fold();
        assertThat(accountStorage()).as("a second fold adds nothing").isEqualTo(1_300);
    }

    @Test
    void aCountShouldNeverGoBelowZero() {
        addresses.addStorage(inboxId, 100);
        count.fold();
        addresses.removeStorage(inboxId, 300);
        count.fold();

        assertThat(mailboxCounter(inboxId)).isZero();
        assertThat(accountStorage()).isZero();
    }

    @Test
    void aPurgedMailboxShouldTakeItsFoldedAndUnfoldedBytesWithIt() {
        addresses.addStorage(inboxId, 1_000);
        addresses.addStorage(archiveId, 500);
        count.fold();
        addresses.addStorage(inboxId, 200);

        addresses.release(inboxId);
        addresses.removeStorage(inboxId, 1_200);
        count.fold();

        assertThat(accountStorage()).isEqualTo(500);
        assertThat(jdbc.queryForObject("select count(*) from mailbox_storage_entries where account_id = ?",
                Long.class, account.value())).isZero();
    }

    @Test
    void foldsRacingWithWritersShouldLoseAndDoubleNothing() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        addresses.addStorage(inboxId, 10);
                    }
                }));
            }
            work.add(threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    count.fold();
                }
            }));
            for (Future<?> each : work) {
                each.get();
            }
        } finally {
            threads.shutdown();
        }
        count.fold();
        assertThat(mailboxCounter(inboxId)).isEqualTo(10_000);
        assertThat(accountStorage()).isEqualTo(10_000);
    }

    /** As the quota sees it, through the archive: the inbox may be released. */
    private long accountStorage() {
        return addresses.receiverOf(archive).orElseThrow().accountStorageBytes();
    }

    private long mailboxCounter(MailboxId mailbox) {
        return jdbc.queryForObject("select storage_bytes from mailbox_address_registry where mailbox_id = ?",
                Long.class, mailbox.value());
    }
}
