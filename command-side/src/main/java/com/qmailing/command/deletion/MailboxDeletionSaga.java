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
import com.qmailing.events.mailbox.StartMailboxPurgeCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

/**
 * A deleted mailbox is purged with all its mail at its purge date, unless it is restored first.
 * <p>
 * The mailbox decides first (a restore may have won the race with the deadline) and from then on
 * refuses a restore. Its emails then go in batches, one transaction each (see {@link PurgeSaga}):
 * a batch picks emails not yet purged, so after a crash or a failed batch the deadline's next run
 * carries on where the last committed batch stopped. The mailbox itself is purged last, so a
 * {@code MailboxPurgedEvent} means every email is gone.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class MailboxDeletionSaga extends PurgeSaga {

    private MailboxId mailboxId;
    private AccountId accountId;

    @Autowired
    private transient AccountAggregates aggregates;
    @Autowired
    private transient PurgeBatchSize batchSize;

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
    boolean purgeBatch(CommandGateway commands) {
        commands.sendAndWait(new StartMailboxPurgeCommand(mailboxId, accountId));
        List<EmailId> batch = aggregates.unpurgedEmailsOf(mailboxId, batchSize.emails());
        for (EmailId email : batch) {
            commands.sendAndWait(new PurgeEmailCommand(email, accountId, PurgeEmailCommand.Cause.MAILBOX_PURGED));
        }
        return batch.size() == batchSize.emails();
    }
}
