package com.qmailing.query.account;

import com.qmailing.events.account.GetUsageQuery;
import com.qmailing.events.account.UsageView;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.PlanCatalog;
import com.qmailing.events.common.PlanLimits;
import com.qmailing.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing deployment's usage across the upgrade that sums stored bytes from the email read
 * model's per-mailbox sizes instead of the account's own counter: both were kept from the same
 * events, so the figure an account had before is the figure it has after, without a replay.
 */
class UsageStorageUpgradeTest {

    private static final String BEFORE_THE_UPGRADE = "2026.11.24.10";

    @Test
    void anAccountsStoredBytesShouldBeTheSameAfterTheUpgrade() {
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabase.freshDatabaseUrl());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, BEFORE_THE_UPGRADE);
        UUID account = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        // As the accounts and email projections left them: 1,500 bytes in two mailboxes, another account's 700.
        jdbc.update("insert into account_view (account_id, email, name, plan, status, created_at, storage_bytes) "
                + "values (?, 'a@example.org', 'A', 'FREE', 'ACTIVE', now(), 1500), "
                + "(?, 'b@example.org', 'B', 'FREE', 'ACTIVE', now(), 700)", account, other);
        jdbc.update("insert into mailbox_email_stats (mailbox_id, account_id, email_count, unread_count, size_bytes) "
                + "values (?, ?, 2, 1, 1000), (?, ?, 1, 1, 500), (?, ?, 1, 0, 700)",
                UUID.randomUUID(), account, UUID.randomUUID(), account, UUID.randomUUID(), other);

        migrate(dataSource, null);

        AccountProjection accounts = new AccountProjection(jdbc, new PlanCatalog(Arrays.stream(Plan.values())
                .collect(Collectors.toMap(plan -> plan, plan -> new PlanLimits(true, 10, 1L << 30, 100, 1, 1, 100)))),
                Clock.systemUTC());
        assertThat(accounts.handle(new GetUsageQuery(new AccountId(account))))
                .map(UsageView::storageBytes).contains(1500L);
        assertThat(accounts.handle(new GetUsageQuery(new AccountId(other))))
                .map(UsageView::storageBytes).contains(700L);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.columns "
                + "where table_name = 'account_view' and column_name = 'storage_bytes'", Integer.class)).isZero();
    }

    private static void migrate(DataSource dataSource, String target) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }
}
