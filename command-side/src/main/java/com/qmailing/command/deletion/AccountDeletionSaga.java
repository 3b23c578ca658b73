package com.qmailing.command.deletion;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.qmailing.events.account.AccountDeletionCancelledEvent;
import com.qmailing.events.account.AccountDeletionRequestedEvent;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.account.PurgeAccountCommand;
import com.qmailing.events.common.AccountId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An account whose deletion was requested is purged at its purge date, unless the deletion is
 * cancelled first. Purging an account takes everything it owns at once: keys, blobs, lookup rows
 * and read models, whatever its mailboxes and emails were doing.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class AccountDeletionSaga {

    static final String PURGE = "account-purge";

    private AccountId accountId;

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;

    @StartSaga
    @SagaEventHandler(associationProperty = "accountId")
    void on(AccountDeletionRequestedEvent event) {
        accountId = event.accountId();
        deadlines.schedule(event.purgeAt(), PURGE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "accountId")
    void on(AccountDeletionCancelledEvent event) {
        deadlines.cancelAllWithinScope(PURGE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "accountId")
    void on(AccountPurgedEvent event) {
        deadlines.cancelAllWithinScope(PURGE);
    }

    @DeadlineHandler(deadlineName = PURGE)
    void purge() {
        if (!Purges.send(commands, new PurgeAccountCommand(accountId))) {
            SagaLifecycle.end();
        }
    }
}
