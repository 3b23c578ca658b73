package com.qmailing.command.account;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.PlanCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The command side's consistent view of accounts: the unique email, the plan that gates every
 * request, whether the account is active, and the mailbox count its quota is checked against.
 */
@Component
public class AccountRegistry {

    private final JdbcTemplate jdbc;
    private final PlanCatalog plans;

    AccountRegistry(JdbcTemplate jdbc, PlanCatalog plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    void register(AccountId account, EmailAddress email, Plan plan) {
        int inserted = jdbc.update("insert into account_registry (account_id, email, plan) values (?, ?, ?) "
                + "on conflict do nothing", account.value(), email.normalized().toString(), plan.name());
        if (inserted == 0) {
            throw new BusinessRuleException(ErrorCode.CONFLICT, "email: an account with this email exists");
        }
    }

    void changePlan(AccountId account, Plan plan) {
        jdbc.update("update account_registry set plan = ? where account_id = ?", plan.name(), account.value());
    }

    /** While its deletion is pending an account is inactive: its tokens fail and its mailboxes take no mail. */
    void setActive(AccountId account, boolean active) {
        jdbc.update("update account_registry set active = ? where account_id = ?", active, account.value());
    }

    /** A purged mailbox no longer counts against the plan. */
    void releaseMailboxSlot(AccountId account) {
        jdbc.update("update account_registry set mailbox_count = greatest(mailbox_count - 1, 0) where account_id = ?",
                account.value());
    }

    /** Purged: the row, with the account's email, goes; the email may sign up again. */
    void forget(AccountId account) {
        jdbc.update("delete from account_registry where account_id = ?", account.value());
    }

    /** Whether an account with this id exists and is active. */
    public boolean isActive(AccountId account) {
        return jdbc.queryForList("select active from account_registry where account_id = ?", Boolean.class,
                account.value()).stream().anyMatch(Boolean.TRUE::equals);
    }

    /**
     * Takes one mailbox slot of the account's plan. The row lock serialises the account's
     * concurrent creations, so the quota holds exactly; the slot is returned if the transaction
     * rolls back.
     */
    public void takeMailboxSlot(AccountId account) {
        // One statement, where a locking read and an update took two round trips: the count is
        // raised first and the refusal rolls the whole transaction back, the raise with it.
        List<MailboxUsage> rows = jdbc.query("update account_registry set mailbox_count = mailbox_count + 1 "
                        + "where account_id = ? and active returning plan, mailbox_count",
                (rs, row) -> new MailboxUsage(Plan.valueOf(rs.getString(1)), rs.getLong(2)), account.value());
        if (rows.isEmpty()) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "account not found");
        }
        MailboxUsage usage = rows.get(0);
        long limit = plans.of(usage.plan()).mailboxes();
        if (usage.mailboxes() > limit) {
            throw new BusinessRuleException(ErrorCode.MAILBOX_QUOTA_EXCEEDED,
                    "the " + usage.plan() + " plan allows " + limit + " mailboxes");
        }
    }

    /**
     * Locks the active account's row until the transaction ends, so that the quota checks of its
     * concurrent requests run one after the other, and returns its plan.
     */
    public Plan lockActive(AccountId account) {
        List<Plan> plans = jdbc.query("select plan from account_registry where account_id = ? and active for update",
                (rs, row) -> Plan.valueOf(rs.getString(1)), account.value());
        if (plans.isEmpty()) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "account not found");
        }
        return plans.get(0);
    }

    /**
     * Counts one send against the plan's daily limit (UTC days). The row lock serialises one
     * account's sends for the length of their transactions, so the limit holds exactly.
     */
    public void takeDailySend(AccountId account, LocalDate today) {
        // As takeMailboxSlot: counted in one statement, undone by the refusal's rollback.
        List<SendUsage> rows = jdbc.query("update account_registry set "
                        + "sent_today = case when sent_day = ? then sent_today + 1 else 1 end, sent_day = ? "
                        + "where account_id = ? and active returning plan, sent_today",
                (rs, row) -> new SendUsage(Plan.valueOf(rs.getString(1)), rs.getInt(2)), today, today,
                account.value());
        if (rows.isEmpty()) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "account not found");
        }
        SendUsage usage = rows.get(0);
        int limit = plans.of(usage.plan()).dailySends();
        if (usage.sent() > limit) {
            throw new BusinessRuleException(ErrorCode.DAILY_SEND_LIMIT_REACHED,
                    "the " + usage.plan() + " plan allows " + limit + " sends per day (UTC)");
        }
    }

    private record SendUsage(Plan plan, int sent) {
    }

    private record MailboxUsage(Plan plan, long mailboxes) {
    }
}
