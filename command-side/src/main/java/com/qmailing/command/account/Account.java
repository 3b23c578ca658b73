package com.qmailing.command.account;

import com.qmailing.events.account.AccountCreatedEvent;
import com.qmailing.events.account.AccountPlanChangedEvent;
import com.qmailing.events.account.ChangeAccountPlanCommand;
import com.qmailing.events.account.CreateAccountCommand;
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

    protected Account() {
        // for Axon
    }

    /** Created by {@link AccountCreation} once the account's email is claimed. */
    Account(CreateAccountCommand command, Instant now) {
        apply(new AccountCreatedEvent(command.accountId(), command.email(), command.name(), command.plan(), now));
    }

    @CommandHandler
    void handle(ChangeAccountPlanCommand command, Clock clock) {
        if (command.plan() == null) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED, "plan: must not be null");
        }
        if (command.plan() != plan) {
            apply(new AccountPlanChangedEvent(id, plan, command.plan(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(MuteSenderCommand command, Clock clock) {
        if (!muted.contains(command.sender())) {
            apply(new SenderMutedEvent(id, command.sender(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(UnmuteSenderCommand command, Clock clock) {
        if (muted.contains(command.sender())) {
            apply(new SenderUnmutedEvent(id, command.sender(), clock.instant()));
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
}
