package com.qmailing.command.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.Change;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.mailbox.ChangeMailboxSettingsCommand;
import com.qmailing.events.mailbox.CreateMailboxCommand;
import com.qmailing.events.mailbox.MailboxCreatedEvent;
import com.qmailing.events.mailbox.MailboxSettingsChangedEvent;
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

    protected Mailbox() {
        // for Axon
    }

    /** Created by {@link MailboxCreation} once the address and a quota slot are claimed. */
    Mailbox(CreateMailboxCommand command, Instant now) {
        MailboxSettings.check(command.displayName(), command.forwardTo(), command.forwardOnly(), command.address());
        apply(new MailboxCreatedEvent(command.mailboxId(), command.accountId(), command.address(),
                command.displayName(), command.forwardTo(), command.forwardOnly(), now));
    }

    @CommandHandler
    void handle(ChangeMailboxSettingsCommand command, Clock clock) {
        if (!owner.equals(command.accountId())) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "mailbox not found");
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

    private static <T> T valueOr(Change<T> change, T current) {
        return change == null ? current : change.value();
    }
}
