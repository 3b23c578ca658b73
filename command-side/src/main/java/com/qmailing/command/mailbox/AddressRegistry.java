package com.qmailing.command.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Which hosted address belongs to which mailbox: the set validation behind "one address, one mailbox". */
@Component
public class AddressRegistry {

    private final JdbcTemplate jdbc;

    AddressRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void claim(EmailAddress address, MailboxId mailbox, AccountId account) {
        int inserted = jdbc.update("insert into mailbox_address_registry (address, mailbox_id, account_id) "
                        + "values (?, ?, ?) on conflict do nothing",
                address.normalized().toString(), mailbox.value(), account.value());
        if (inserted == 0) {
            throw new BusinessRuleException(ErrorCode.ADDRESS_TAKEN, "address already exists");
        }
    }

    /** The mailbox that receives mail for the address: case-insensitive, {@code +tag}s ignored. */
    public Optional<MailboxId> mailboxFor(EmailAddress address) {
        return jdbc.query("select mailbox_id from mailbox_address_registry where address = ?",
                        (rs, row) -> new MailboxId(rs.getObject(1, UUID.class)),
                        address.normalized().withoutTag().toString())
                .stream().findFirst();
    }
}
