package com.qmailing.command.account;

import com.qmailing.command.config.LookupTables;
import com.qmailing.events.account.AccountDeletionCancelledEvent;
import com.qmailing.events.account.AccountDeletionRequestedEvent;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.mailbox.MailboxPurgedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The account registry's part of a deletion, in the command's transaction: a pending deletion
 * makes the account inactive at once (its tokens fail, its mailboxes take no mail), a purged
 * mailbox frees its quota slot, and a purged account leaves no row behind.
 */
@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
class AccountDeletion {

    private final AccountRegistry registry;

    AccountDeletion(AccountRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(AccountDeletionRequestedEvent event) {
        registry.setActive(event.accountId(), false);
    }

    @EventHandler
    void on(AccountDeletionCancelledEvent event) {
        registry.setActive(event.accountId(), true);
    }

    @EventHandler
    void on(MailboxPurgedEvent event) {
        registry.releaseMailboxSlot(event.accountId());
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        registry.forget(event.accountId());
    }
}
