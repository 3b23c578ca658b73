package com.qmailing.query.account;

import com.qmailing.events.account.AccountCreatedEvent;
import com.qmailing.events.account.AccountDeletionCancelledEvent;
import com.qmailing.events.account.AccountDeletionRequestedEvent;
import com.qmailing.events.account.AccountPlanChangedEvent;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.account.AccountStatus;
import com.qmailing.events.account.AccountUsageView;
import com.qmailing.events.account.AccountView;
import com.qmailing.events.account.GetAccountQuery;
import com.qmailing.events.account.GetUsageQuery;
import com.qmailing.events.account.ListAccountsQuery;
import com.qmailing.events.account.UsageView;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.PlanCatalog;
import com.qmailing.events.common.PlanLimits;
import com.qmailing.events.email.EmailSentEvent;
import com.qmailing.query.support.ProjectionGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static com.qmailing.query.support.Rows.instant;
import static com.qmailing.query.support.Rows.text;
import static com.qmailing.query.support.Rows.timestamp;
import static com.qmailing.query.support.Rows.uuid;

/** Accounts and their usage against the plan (promise P1 of the privacy policy: usage data). */
@Component
@ProcessingGroup(ProjectionGroups.ACCOUNTS)
class AccountProjection {

    /**
     * A mailbox counts from its creation until its purge, exactly as long as its row in the mailbox
     * read model lives: counted there, creating a mailbox updates one read model, not two (and the
     * create's read-your-writes wait waits for one processor).
     * <p>
     * Stored mail counts from its receipt (or send) until its purge, as the email projection's
     * per-mailbox sizes say (their rows last until the mailbox's purge, like the mailbox's own): a
     * received message updates one read model and is handled by one projection processor, not two.
     */
    private static final String WITH_USAGE_COUNTS = "select a.*, (select count(*) from mailbox_view m "
            + "where m.account_id = a.account_id) as mailbox_count, (select coalesce(sum(s.size_bytes), 0) "
            + "from mailbox_email_stats s where s.account_id = a.account_id) as storage_bytes from account_view a";

    private final JdbcTemplate jdbc;
    private final PlanCatalog plans;
    private final Clock clock;

    AccountProjection(JdbcTemplate jdbc, PlanCatalog plans, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.clock = clock;
    }

    @EventHandler
    void on(AccountCreatedEvent event) {
        jdbc.update("insert into account_view (account_id, email, name, plan, status, created_at) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict (account_id) do nothing",
                event.accountId().value(), text(event.email()), event.name(), event.plan().name(),
                AccountStatus.ACTIVE.name(), timestamp(event.createdAt()));
    }

    @EventHandler
    void on(AccountPlanChangedEvent event) {
        jdbc.update("update account_view set plan = ? where account_id = ?", event.plan().name(),
                event.accountId().value());
    }

    /** One of the day's sends (UTC days, as the limit counts them); its stored size is the email projection's. */
    @EventHandler
    void on(EmailSentEvent event) {
        LocalDate day = LocalDate.ofInstant(event.sentAt(), ZoneOffset.UTC);
        jdbc.update("update account_view set sent_today = case when sent_day = ? then sent_today + 1 else 1 end, "
                        + "sent_day = ? where account_id = ?",
                day, day, event.accountId().value());
    }

    @EventHandler
    void on(AccountDeletionRequestedEvent event) {
        status(event.accountId(), AccountStatus.DELETED);
    }

    @EventHandler
    void on(AccountDeletionCancelledEvent event) {
        status(event.accountId(), AccountStatus.ACTIVE);
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        jdbc.update("delete from account_view where account_id = ?", event.accountId().value());
    }

    private void status(AccountId account, AccountStatus status) {
        jdbc.update("update account_view set status = ? where account_id = ?", status.name(), account.value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate account_view");
    }

    @QueryHandler
    Optional<AccountView> handle(GetAccountQuery query) {
        return jdbc.query("select * from account_view where account_id = ?", (rs, row) -> account(rs),
                query.accountId().value()).stream().findFirst();
    }

    @QueryHandler
    Optional<UsageView> handle(GetUsageQuery query) {
        return jdbc.query(WITH_USAGE_COUNTS + " where a.account_id = ?", (rs, row) -> usage(rs),
                query.accountId().value()).stream().findFirst();
    }

    @QueryHandler
    List<AccountUsageView> handle(ListAccountsQuery query) {
        return jdbc.query(WITH_USAGE_COUNTS + " order by a.created_at, a.account_id offset ? limit ?",
                (rs, row) -> new AccountUsageView(account(rs), usage(rs)), query.offset(), query.limit());
    }

    private static AccountView account(ResultSet rs) throws SQLException {
        return new AccountView(new AccountId(uuid(rs, "account_id")), rs.getString("email"), rs.getString("name"),
                Plan.valueOf(rs.getString("plan")), AccountStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"));
    }

    private UsageView usage(ResultSet rs) throws SQLException {
        Plan plan = Plan.valueOf(rs.getString("plan"));
        PlanLimits limits = plans.of(plan);
        LocalDate sentDay = rs.getObject("sent_day", LocalDate.class);
        long sentToday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).equals(sentDay) ? rs.getLong("sent_today") : 0;
        return new UsageView(new AccountId(uuid(rs, "account_id")), plan, rs.getLong("mailbox_count"),
                limits.mailboxes(), rs.getLong("storage_bytes"), limits.storageBytes(), sentToday,
                limits.dailySends());
    }
}
