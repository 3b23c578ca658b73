package com.qmailing.command.account;

import com.qmailing.command.config.Retention;
import com.qmailing.events.account.AccountCreatedEvent;
import com.qmailing.events.account.AccountDeletionCancelledEvent;
import com.qmailing.events.account.AccountDeletionRequestedEvent;
import com.qmailing.events.account.AccountPlanChangedEvent;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.account.CancelAccountDeletionCommand;
import com.qmailing.events.account.ChangeAccountPlanCommand;
import com.qmailing.events.account.CreateAccountCommand;
import com.qmailing.events.account.PurgeAccountCommand;
import com.qmailing.events.account.RequestAccountDeletionCommand;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.Plan;
import com.qmailing.events.email.MuteSenderCommand;
import com.qmailing.events.email.MutedSender;
import com.qmailing.events.email.SenderMutedEvent;
import com.qmailing.events.email.SenderUnmutedEvent;
import com.qmailing.events.email.UnmuteSenderCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class Account {

    @AggregateIdentifier
    private AccountId id;
    private Plan plan;
    private final Set<MutedSender> muted = new HashSet<>();
    /** Set while a deletion is pending. */
    private Instant purgeAt;
    private boolean purged;

    protected Account() {
        // for Axon
    }

    /** Created by {@link AccountCreation} once the account's email is claimed. */
    Account(CreateAccountCommand command, Instant now) {
        apply(new AccountCreatedEvent(command.accountId(), command.email(), command.name(), command.plan(), now));
    }

    @CommandHandler
    void handle(ChangeAccountPlanCommand command, Clock clock) {
        checkNotPurged();
        if (command.plan() == null) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED, "plan: must not be null");
        }
        if (command.plan() != plan) {
            apply(new AccountPlanChangedEvent(id, plan, command.plan(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(MuteSenderCommand command, Clock clock) {
        checkNotPurged();
        if (!muted.contains(command.sender())) {
            apply(new SenderMutedEvent(id, command.sender(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(UnmuteSenderCommand command, Clock clock) {
        checkNotPurged();
        if (muted.contains(command.sender())) {
            apply(new SenderUnmutedEvent(id, command.sender(), clock.instant()));
        }
    }

    /** @return when the account will be purged; asking again keeps the first date */
    @CommandHandler
    Instant handle(RequestAccountDeletionCommand command, Clock clock, Retention retention) {
        checkNotPurged();
        if (purgeAt == null) {
            Instant now = clock.instant();
            apply(new AccountDeletionRequestedEvent(id, now, retention.purgeAt(now)));
        }
        return purgeAt;
    }

    @CommandHandler
    void handle(CancelAccountDeletionCommand command, Clock clock) {
        checkNotPurged();
        if (purgeAt != null) {
            apply(new AccountDeletionCancelledEvent(id, clock.instant()));
        }
    }

    /**
     * The decision only: every purge step (keys, blobs, lookup rows) follows the event in the same
     * transaction, so a committed {@link AccountPurgedEvent} means every step is done.
     */
    @CommandHandler
    void handle(PurgeAccountCommand command, Clock clock) {
        if (purged) {
            return;
        }
        Instant now = clock.instant();
        if (purgeAt == null || now.isBefore(purgeAt)) {
            throw new BusinessRuleException(ErrorCode.CONFLICT, "account: no deletion is due");
        }
        apply(new AccountPurgedEvent(id, now));
    }

    private void checkNotPurged() {
        if (purged) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "account not found");
        }
    }

    @EventSourcingHandler
    void on(AccountCreatedEvent event) {
        id = event.accountId();
        plan = event.plan();
    }

    @EventSourcingHandler
    void on(AccountPlanChangedEvent event) {
        plan = event.plan();
    }

    @EventSourcingHandler
    void on(SenderMutedEvent event) {
        muted.add(event.sender());
    }

    @EventSourcingHandler
    void on(SenderUnmutedEvent event) {
        muted.remove(event.sender());
    }

    @EventSourcingHandler
    void on(AccountDeletionRequestedEvent event) {
        purgeAt = event.purgeAt();
    }

    @EventSourcingHandler
    void on(AccountDeletionCancelledEvent event) {
        purgeAt = null;
    }

    @EventSourcingHandler
    void on(AccountPurgedEvent event) {
        purged = true;
        purgeAt = null;
        // Shredded patterns replay as null; nothing of the account is kept in memory either.
        muted.clear();
    }
}
