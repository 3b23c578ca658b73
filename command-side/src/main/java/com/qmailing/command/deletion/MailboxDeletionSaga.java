package com.qmailing.command.deletion;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.qmailing.command.history.AccountAggregates;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.PurgeEmailCommand;
import com.qmailing.events.mailbox.MailboxDeletedEvent;
import com.qmailing.events.mailbox.MailboxPurgedEvent;
import com.qmailing.events.mailbox.MailboxRestoredEvent;
import com.qmailing.events.mailbox.PurgeMailboxCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deleted mailbox is purged with all its mail at its purge date, unless it is restored first.
 * <p>
 * The mailbox decides first (a restore may have won the race with the deadline), then each of its
 * emails is purged. The commands run inside the deadline's transaction, so the whole purge commits
 * at once or not at all; a failure fails the deadline, which is tried again, and only the emails
 * not yet purged are purged then.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class MailboxDeletionSaga extends PurgeSaga {

    private MailboxId mailboxId;
    private AccountId accountId;

    @Autowired
    private transient AccountAggregates aggregates;

    @StartSaga
    @SagaEventHandler(associationProperty = "mailboxId")
    void on(MailboxDeletedEvent event) {
        mailboxId = event.mailboxId();
        accountId = event.accountId();
        schedulePurge(event.purgeAt());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "mailboxId")
    void on(MailboxRestoredEvent event) {
        cancelPurge();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "mailboxId")
    void on(MailboxPurgedEvent event) {
        cancelPurge();
    }

    @Override
    Object purgeCommand() {
        return new PurgeMailboxCommand(mailboxId, accountId);
    }

    @Override
    void afterPurge(CommandGateway commands) {
        for (EmailId email : aggregates.unpurgedEmailsOf(mailboxId)) {
            commands.sendAndWait(new PurgeEmailCommand(email, accountId, PurgeEmailCommand.Cause.MAILBOX_PURGED));
        }
    }
}
