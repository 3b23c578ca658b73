package com.qmailing.command.mailbox;

import com.qmailing.command.config.Retention;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.Change;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.mailbox.ChangeMailboxSettingsCommand;
import com.qmailing.events.mailbox.CreateMailboxCommand;
import com.qmailing.events.mailbox.DeleteMailboxCommand;
import com.qmailing.events.mailbox.MailboxCreatedEvent;
import com.qmailing.events.mailbox.MailboxDeletedEvent;
import com.qmailing.events.mailbox.MailboxPurgeStartedEvent;
import com.qmailing.events.mailbox.MailboxPurgedEvent;
import com.qmailing.events.mailbox.MailboxRestoredEvent;
import com.qmailing.events.mailbox.MailboxSettingsChangedEvent;
import com.qmailing.events.mailbox.PurgeMailboxCommand;
import com.qmailing.events.mailbox.RestoreMailboxCommand;
import com.qmailing.events.mailbox.StartMailboxPurgeCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class Mailbox {

    @AggregateIdentifier
    private MailboxId id;
    private AccountId owner;
    private EmailAddress address;
    private String displayName;
    private EmailAddress forwardTo;
    private boolean forwardOnly;
    /** Set while the mailbox is deleted. */
    private Instant purgeAt;
    /** Set once the purge has begun: from then on its emails go batch by batch and no restore is possible. */
    private boolean purgeStarted;
    private boolean purged;

    protected Mailbox() {
        // for Axon
    }

    /** Created by {@link MailboxCreation} once the address and a quota slot are claimed. */
    Mailbox(CreateMailboxCommand command, Instant now) {
        MailboxSettings.check(command.displayName(), command.forwardTo(), command.forwardOnly(), command.address());
        apply(creation(command, now));
    }

    /** The event a valid creation applies. */
    static MailboxCreatedEvent creation(CreateMailboxCommand command, Instant now) {
        return new MailboxCreatedEvent(command.mailboxId(), command.accountId(), command.address(),
                command.displayName(), command.forwardTo(), command.forwardOnly(), now);
    }

    @CommandHandler
    void handle(ChangeMailboxSettingsCommand command, Clock clock) {
        checkOwner(command.accountId());
        if (purgeAt != null) {
            throw new BusinessRuleException(ErrorCode.CONFLICT, "mailbox is deleted: restore it first");
        }
        String newDisplayName = valueOr(command.displayName(), displayName);
        EmailAddress newForwardTo = valueOr(command.forwardTo(), forwardTo);
        boolean newForwardOnly = command.forwardOnly() == null ? forwardOnly : command.forwardOnly();
        MailboxSettings.check(newDisplayName, newForwardTo, newForwardOnly, address);
        if (!Objects.equals(newDisplayName, displayName) || !Objects.equals(newForwardTo, forwardTo)
                || newForwardOnly != forwardOnly) {
            apply(new MailboxSettingsChangedEvent(id, owner, newDisplayName, newForwardTo, newForwardOnly,
                    clock.instant()));
        }
    }

    /** @return when the mailbox will be purged; deleting it again keeps the first date */
    @CommandHandler
    Instant handle(DeleteMailboxCommand command, Clock clock, Retention retention) {
        checkOwner(command.accountId());
        if (purgeAt == null) {
            Instant now = clock.instant();
            apply(new MailboxDeletedEvent(id, owner, now, retention.purgeAt(now)));
        }
        return purgeAt;
    }

    @CommandHandler
    void handle(RestoreMailboxCommand command, Clock clock) {
        checkOwner(command.accountId());
        if (purgeStarted) {
            throw new BusinessRuleException(ErrorCode.CONFLICT, "mailbox: its purge has begun");
        }
        if (purgeAt != null) {
            apply(new MailboxRestoredEvent(id, owner, clock.instant()));
        }
    }

    /**
     * The decision to purge: once it is recorded the deletion saga purges the mailbox's emails in
     * batches, each in its own transaction, and nothing can bring the mailbox back half-emptied.
     */
    @CommandHandler
    void handle(StartMailboxPurgeCommand command, Clock clock) {
        if (purged || purgeStarted) {
            return;
        }
        checkOwner(command.accountId());
        Instant now = checkPurgeDue(clock);
        apply(new MailboxPurgeStartedEvent(id, owner, now));
    }

    /**
     * The end of the purge, once the saga has purged every email; the key and the address follow the
     * event in its transaction.
     */
    @CommandHandler
    void handle(PurgeMailboxCommand command, Clock clock) {
        if (purged) {
            return;
        }
        checkOwner(command.accountId());
        apply(new MailboxPurgedEvent(id, owner, checkPurgeDue(clock)));
    }

    private Instant checkPurgeDue(Clock clock) {
        Instant now = clock.instant();
        if (purgeAt == null || now.isBefore(purgeAt)) {
            throw new BusinessRuleException(ErrorCode.CONFLICT, "mailbox: no purge is due");
        }
        return now;
    }

    /** Another account's mailbox, or a purged one, does not exist as far as the caller can tell. */
    private void checkOwner(AccountId caller) {
        if (purged || !owner.equals(caller)) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "mailbox not found");
        }
    }

    @EventSourcingHandler
    void on(MailboxCreatedEvent event) {
        id = event.mailboxId();
        owner = event.accountId();
        address = event.address();
        displayName = event.displayName();
        forwardTo = event.forwardTo();
        forwardOnly = event.forwardOnly();
    }

    @EventSourcingHandler
    void on(MailboxSettingsChangedEvent event) {
        displayName = event.displayName();
        forwardTo = event.forwardTo();
        forwardOnly = event.forwardOnly();
    }

    @EventSourcingHandler
    void on(MailboxDeletedEvent event) {
        purgeAt = event.purgeAt();
    }

    @EventSourcingHandler
    void on(MailboxRestoredEvent event) {
        purgeAt = null;
    }

    @EventSourcingHandler
    void on(MailboxPurgeStartedEvent event) {
        purgeStarted = true;
    }

    @EventSourcingHandler
    void on(MailboxPurgedEvent event) {
        purged = true;
        purgeAt = null;
    }

    private static <T> T valueOr(Change<T> change, T current) {
        return change == null ? current : change.value();
    }
}
