package com.qmailing.command.mailbox;

import com.qmailing.command.config.LookupTables;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.mailbox.MailboxDeletedEvent;
import com.qmailing.events.mailbox.MailboxPurgedEvent;
import com.qmailing.events.mailbox.MailboxRestoredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The address table's part of a deletion, in the command's transaction: a deleted mailbox stops
 * receiving at once but keeps its address reserved; only the purge frees the address.
 */
@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
class MailboxDeletion {

    private final AddressRegistry addresses;

    MailboxDeletion(AddressRegistry addresses) {
        this.addresses = addresses;
    }

    @EventHandler
    void on(MailboxDeletedEvent event) {
        addresses.setDeleted(event.mailboxId(), true);
    }

    @EventHandler
    void on(MailboxRestoredEvent event) {
        addresses.setDeleted(event.mailboxId(), false);
    }

    @EventHandler
    void on(MailboxPurgedEvent event) {
        addresses.release(event.mailboxId());
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        addresses.releaseAllOf(event.accountId());
    }
}
