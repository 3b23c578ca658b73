package com.qmailing.command.mailbox;

import com.qmailing.command.config.BeforeCommitBatch;
import com.qmailing.command.config.HostedDomains;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.Plan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which hosted address belongs to which mailbox: the set validation behind "one address, one mailbox". */
@Component
public class AddressRegistry {

    private final JdbcTemplate jdbc;
    private final HostedDomains domains;
    /** A group of received messages, or a purge batch, appends all its rows in one statement at its commit. */
    private final BeforeCommitBatch<StorageChange> storageChanges;

    public AddressRegistry(JdbcTemplate jdbc, HostedDomains domains) {
        this.jdbc = jdbc;
        this.domains = domains;
        this.storageChanges = new BeforeCommitBatch<>(this::appendStorage);
    }

    void claim(EmailAddress address, MailboxId mailbox, AccountId account) {
        int inserted = jdbc.update("insert into mailbox_address_registry (address, mailbox_id, account_id) "
                        + "values (?, ?, ?) on conflict do nothing",
                address.normalized().toString(), mailbox.value(), account.value());
        if (inserted == 0) {
            throw new BusinessRuleException(ErrorCode.ADDRESS_TAKEN, "address already exists");
        }
    }

    /**
     * The mailbox that receives mail for the address (case-insensitive, {@code +tag}s ignored),
     * with its account's plan and the bytes the account stores, for the storage quota. The bytes
     * are the account's folded counter: they lag what is stored by at most one fold
     * ({@link StorageCount}), so an account at its limit takes at most one interval's mail more.
     */
    public Optional<Receiver> receiverOf(EmailAddress address) {
        return jdbc.query("select m.mailbox_id, m.account_id, a.plan, greatest(coalesce(s.storage_bytes, 0), 0) "
                        + "from mailbox_address_registry m join account_registry a on a.account_id = m.account_id "
                        + "left join account_storage s on s.account_id = m.account_id "
                        + "where m.address = ? and a.active and not m.deleted",
                        (rs, row) -> new Receiver(new MailboxId(rs.getObject(1, UUID.class)),
                                new AccountId(rs.getObject(2, UUID.class)), Plan.valueOf(rs.getString(3)),
                                rs.getLong(4)),
                        address.normalized().withoutTag().toString())
                .stream().findFirst();
    }

    /**
     * Counts a stored message against its mailbox. An appended row, not an update of the mailbox's
     * counter: messages into one mailbox commit side by side instead of one after the other.
     */
    public void addStorage(MailboxId mailbox, long bytes) {
        appendStorage(mailbox, bytes);
    }

    /** Gives back what a purged email stored, so the storage quota counts only what is still kept. */
    public void removeStorage(MailboxId mailbox, long bytes) {
        appendStorage(mailbox, -bytes);
    }

    private void appendStorage(MailboxId mailbox, long bytes) {
        storageChanges.add(new StorageChange(mailbox.value(), bytes));
    }

    /** A mailbox that is gone (purged) counts nothing, as the update of its counter did. */
    private void appendStorage(List<StorageChange> changes) {
        jdbc.update("insert into mailbox_storage_entries (mailbox_id, account_id, bytes) "
                + "select r.mailbox_id, r.account_id, c.bytes from unnest(?, ?) as c(mailbox_id, bytes) "
                + "join mailbox_address_registry r on r.mailbox_id = c.mailbox_id", statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("uuid",
                            changes.stream().map(StorageChange::mailbox).toArray()));
                    statement.setArray(2, statement.getConnection().createArrayOf("bigint",
                            changes.stream().map(StorageChange::bytes).toArray()));
                });
    }

    private record StorageChange(UUID mailbox, long bytes) {
    }

    /** Whether the mailbox exists and is not deleted: only such a mailbox receives and sends mail. */
    public boolean isActive(MailboxId mailbox) {
        return jdbc.queryForList("select deleted from mailbox_address_registry where mailbox_id = ?", Boolean.class,
                mailbox.value()).stream().anyMatch(Boolean.FALSE::equals);
    }

    /** A deleted mailbox keeps its address (no one else can claim it) but takes no mail until restored. */
    void setDeleted(MailboxId mailbox, boolean deleted) {
        jdbc.update("update mailbox_address_registry set deleted = ? where mailbox_id = ?", deleted, mailbox.value());
    }

    /** Purged: the address is free again and the mailbox's storage count leaves its account's. */
    void release(MailboxId mailbox) {
        jdbc.update("delete from mailbox_storage_entries where mailbox_id = ?", mailbox.value());
        jdbc.update("with released as (delete from mailbox_address_registry where mailbox_id = ? "
                + "returning account_id, storage_bytes) "
                + "update account_storage a set storage_bytes = greatest(a.storage_bytes - r.storage_bytes, 0) "
                + "from released r where a.account_id = r.account_id", mailbox.value());
    }

    void releaseAllOf(AccountId account) {
        jdbc.update("delete from mailbox_storage_entries where account_id = ?", account.value());
        jdbc.update("delete from mailbox_address_registry where account_id = ?", account.value());
        jdbc.update("delete from account_storage where account_id = ?", account.value());
    }

    /** The mailbox's own address, the envelope sender of what it forwards. */
    public Optional<EmailAddress> addressOf(MailboxId mailbox) {
        return jdbc.queryForList("select address from mailbox_address_registry where mailbox_id = ?", String.class,
                mailbox.value()).stream().findFirst().map(EmailAddress::parse);
    }

    /** Whether mail for this address's domain is ours, with or without a mailbox for it. */
    public boolean isHostedDomain(EmailAddress address) {
        return domains.isHosted(address.domain());
    }

    public record Receiver(MailboxId mailbox, AccountId account, Plan plan, long accountStorageBytes) {
    }
}
