package com.qmailing.command.email;

import com.qmailing.command.config.BeforeCommitBatch;
import com.qmailing.command.config.LookupTables;
import com.qmailing.command.mailbox.AddressRegistry;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.email.EmailPurgedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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
    private final BeforeCommitBatch<EmailPurgedEvent> purged = new BeforeCommitBatch<>(this::forget);

    EmailPurge(ThreadRegistry threads, IdempotentSends idempotentSends, AddressRegistry addresses) {
        this.threads = threads;
        this.idempotentSends = idempotentSends;
        this.addresses = addresses;
    }

    /** Once per transaction for all its purged emails: a mailbox purge batch holds hundreds. */
    @EventHandler
    void on(EmailPurgedEvent event) {
        purged.add(event);
    }

    private void forget(List<EmailPurgedEvent> events) {
        List<UUID> emails = events.stream().map(event -> event.emailId().value()).toList();
        threads.forgetAll(emails);
        idempotentSends.forgetAll(emails);
        events.stream()
                .collect(Collectors.groupingBy(EmailPurgedEvent::mailboxId, Collectors.summingLong(EmailPurgedEvent::sizeBytes)))
                .forEach(addresses::removeStorage);
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        threads.forgetAllOf(event.accountId());
        idempotentSends.forgetAllOf(event.accountId());
    }
}
