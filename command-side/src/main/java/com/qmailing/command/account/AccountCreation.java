package com.qmailing.command.account;

import com.qmailing.command.config.LookupTables;
import com.qmailing.events.account.AccountPlanChangedEvent;
import com.qmailing.events.account.CreateAccountCommand;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;

@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
class AccountCreation {

    static final int MAX_NAME_LENGTH = 255;

    private final Repository<Account> accounts;
    private final AccountRegistry registry;

    AccountCreation(@Lazy Repository<Account> accounts, AccountRegistry registry) {
        this.accounts = accounts;
        this.registry = registry;
    }

    @CommandHandler
    AccountId handle(CreateAccountCommand command, Clock clock) throws Exception {
        if (command.name() != null && command.name().length() > MAX_NAME_LENGTH) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED, "name: at most 255 characters");
        }
        registry.register(command.accountId(), command.email(), command.plan());
        accounts.newInstance(() -> new Account(command, clock.instant()));
        return command.accountId();
    }

    @EventHandler
    void on(AccountPlanChangedEvent event) {
        registry.changePlan(event.accountId(), event.plan());
    }
}
