package com.qmailing.command.deletion;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.qmailing.events.account.AccountDeletionCancelledEvent;
import com.qmailing.events.account.AccountDeletionRequestedEvent;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.account.PurgeAccountCommand;
import com.qmailing.events.common.AccountId;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * An account whose deletion was requested is purged at its purge date, unless the deletion is
 * cancelled first. Purging an account takes everything it owns at once: keys, blobs, lookup rows
 * and read models, whatever its mailboxes and emails were doing.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class AccountDeletionSaga extends PurgeSaga {

    private AccountId accountId;

    @StartSaga
    @SagaEventHandler(associationProperty = "accountId")
    void on(AccountDeletionRequestedEvent event) {
        accountId = event.accountId();
        schedulePurge(event.purgeAt());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "accountId")
    void on(AccountDeletionCancelledEvent event) {
        cancelPurge();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "accountId")
    void on(AccountPurgedEvent event) {
        cancelPurge();
    }

    @Override
    Object purgeCommand() {
        return new PurgeAccountCommand(accountId);
    }
}
