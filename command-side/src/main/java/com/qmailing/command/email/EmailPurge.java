package com.qmailing.command.email;

import com.qmailing.command.config.LookupTables;
import com.qmailing.command.mailbox.AddressRegistry;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.email.EmailPurgedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The email lookup tables' part of a purge, in the command's transaction: the Message-ID digests
 * and Idempotency-Keys the email brought in, and the bytes it counted against the storage quota.
 */
@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
class EmailPurge {

    private final ThreadRegistry threads;
    private final IdempotentSends idempotentSends;
    private final AddressRegistry addresses;

    EmailPurge(ThreadRegistry threads, IdempotentSends idempotentSends, AddressRegistry addresses) {
        this.threads = threads;
        this.idempotentSends = idempotentSends;
        this.addresses = addresses;
    }

    @EventHandler
    void on(EmailPurgedEvent event) {
        threads.forget(event.emailId());
        idempotentSends.forget(event.emailId());
        addresses.removeStorage(event.mailboxId(), event.sizeBytes());
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        threads.forgetAllOf(event.accountId());
        idempotentSends.forgetAllOf(event.accountId());
    }
}
