package com.qmailing.command.mailbox;

import com.qmailing.command.config.HostedDomains;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing deployment across the upgrade that gives each account a storage counter of its own:
 * the counter starts as the sum of its mailboxes' counters, and entries not yet folded at the
 * upgrade are folded into both.
 */
class AccountStorageUpgradeTest {

    private static final String BEFORE_THE_UPGRADE = "2026.11.25.01";

    @Test
    void anAccountsQuotaShouldCountWhatItsMailboxesStoredBeforeTheUpgrade() {
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabase.freshDatabaseUrl());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, BEFORE_THE_UPGRADE);
        UUID account = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID inbox = UUID.randomUUID();
        jdbc.update("insert into account_registry (account_id, email, plan) values (?, 'a@example.org', 'FREE'), "
                + "(?, 'b@example.org', 'FREE')", account, other);
        jdbc.update("insert into mailbox_address_registry (address, mailbox_id, account_id, storage_bytes) "
                + "values ('a1@qmailing.local', ?, ?, 1000), ('a2@qmailing.local', ?, ?, 500), "
                + "('b1@qmailing.local', ?, ?, 700)", inbox, account, UUID.randomUUID(), account, UUID.randomUUID(), other);
        jdbc.update("insert into mailbox_storage_entries (mailbox_id, account_id, bytes) values (?, ?, 250)", inbox, account);

        migrate(dataSource, null);
        AddressRegistry addresses = new AddressRegistry(jdbc, new HostedDomains("qmailing.local"));
        assertThat(quotaOf(addresses, "a2")).isEqualTo(1_500);
        assertThat(quotaOf(addresses, "b1")).isEqualTo(700);
        new StorageCount(jdbc).fold();
        assertThat(quotaOf(addresses, "a2")).isEqualTo(1_750);
        assertThat(quotaOf(addresses, "b1")).isEqualTo(700);
    }

    private static long quotaOf(AddressRegistry addresses, String localPart) {
        return addresses.receiverOf(new EmailAddress(localPart, "qmailing.local")).orElseThrow().accountStorageBytes();
    }

    private static void migrate(DataSource dataSource, String target) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }
}
