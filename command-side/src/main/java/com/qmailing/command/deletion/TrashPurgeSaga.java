package com.qmailing.command.deletion;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.email.EmailRestoredEvent;
import com.qmailing.events.email.EmailTrashedEvent;
import com.qmailing.events.email.PurgeEmailCommand;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * An email in the trash is purged at its purge date, unless it leaves the trash first or is
 * purged earlier (emptied from the trash, or with its mailbox).
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class TrashPurgeSaga extends PurgeSaga {

    private EmailId emailId;
    private AccountId accountId;

    @StartSaga
    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailTrashedEvent event) {
        emailId = event.emailId();
        accountId = event.accountId();
        schedulePurge(event.purgeAt());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailRestoredEvent event) {
        cancelPurge();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailPurgedEvent event) {
        cancelPurge();
    }

    @Override
    Object purgeCommand() {
        return new PurgeEmailCommand(emailId, accountId, PurgeEmailCommand.Cause.TRASH_EXPIRED);
    }
}
