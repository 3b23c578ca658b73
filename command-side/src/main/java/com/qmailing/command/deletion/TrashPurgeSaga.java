package com.qmailing.command.deletion;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.email.EmailRestoredEvent;
import com.qmailing.events.email.EmailTrashedEvent;
import com.qmailing.events.email.PurgeEmailCommand;
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
 * An email in the trash is purged at its purge date, unless it leaves the trash first or is
 * purged earlier (emptied from the trash, or with its mailbox).
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class TrashPurgeSaga {

    static final String PURGE = "trash-purge";

    private EmailId emailId;
    private AccountId accountId;

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;

    @StartSaga
    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailTrashedEvent event) {
        emailId = event.emailId();
        accountId = event.accountId();
        deadlines.schedule(event.purgeAt(), PURGE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailRestoredEvent event) {
        deadlines.cancelAllWithinScope(PURGE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailPurgedEvent event) {
        deadlines.cancelAllWithinScope(PURGE);
    }

    @DeadlineHandler(deadlineName = PURGE)
    void purge() {
        if (!Purges.send(commands, new PurgeEmailCommand(emailId, accountId, PurgeEmailCommand.Cause.TRASH_EXPIRED))) {
            SagaLifecycle.end();
        }
    }
}
