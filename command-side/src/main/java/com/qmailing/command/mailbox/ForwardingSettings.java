package com.qmailing.command.mailbox;

import com.qmailing.command.config.LookupTables;
import com.qmailing.command.crypto.FieldCipher;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.mailbox.MailboxCreatedEvent;
import com.qmailing.events.mailbox.MailboxSettingsChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a mailbox forwards its mail, as reception needs it: consistent with every committed settings
 * change (a follow-up in the command's transaction), the address sealed under the mailbox's key. The
 * row is the mailbox's address row, so a purge takes the setting with it.
 */
@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
public class ForwardingSettings {

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;

    public ForwardingSettings(JdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The mailbox's forwarding, or empty when it forwards nothing (or its key is shredded). */
    public Optional<Forwarding> of(MailboxId mailbox) {
        return jdbc.query("select forward_to, forward_only from mailbox_address_registry "
                                + "where mailbox_id = ? and forward_to is not null",
                        (rs, row) -> {
                            boolean only = rs.getBoolean(2);
                            return cipher.open(rs.getString(1)).map(to -> new Forwarding(
                                    EmailAddress.parse(new String(to, StandardCharsets.UTF_8)), only));
                        },
                        mailbox.value())
                .stream().flatMap(Optional::stream).findFirst();
    }

    @EventHandler
    void on(MailboxCreatedEvent event) {
        if (event.forwardTo() == null) {
            return; // the address row was just written without forwarding
        }
        record(event.mailboxId(), event.accountId(), event.forwardTo(), event.forwardOnly());
    }

    @EventHandler
    void on(MailboxSettingsChangedEvent event) {
        record(event.mailboxId(), event.accountId(), event.forwardTo(), event.forwardOnly());
    }

    private void record(MailboxId mailbox, AccountId account, EmailAddress forwardTo, boolean forwardOnly) {
        String sealed = forwardTo == null ? null : cipher.seal(DataSubject.mailbox(mailbox, account),
                forwardTo.toString().getBytes(StandardCharsets.UTF_8));
        jdbc.update("update mailbox_address_registry set forward_to = ?, forward_only = ? where mailbox_id = ?",
                sealed, forwardTo != null && forwardOnly, mailbox.value());
    }

    /** {@code only}: the mailbox keeps no copy of what it forwards. */
    public record Forwarding(EmailAddress to, boolean only) {
    }
}
