package com.qmailing.command.deletion;

import com.qmailing.events.common.BusinessError;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

/**
 * What every deletion saga does: a durable deadline (db-scheduler) at the purge date, cancelled when
 * the saga ends, and the purge sent when it is due.
 * <p>
 * A purge too large for one transaction goes in batches: each deadline run purges one batch and, in
 * the same transaction, schedules the deadline again at once for the next. The progress is the
 * committed state itself (what is purged is purged), so a crash at any point resumes from the last
 * committed batch when the deadline runs again, without anything kept in memory.
 * <p>
 * The purge is sent and waited for, so a failure fails the deadline and the deadline manager runs it
 * again later; every purge step is safe to repeat. A purge the aggregate refuses as not due means
 * the deadline raced a restore (or a restore and a new delete, which has a saga of its own): this
 * saga is done.
 */
abstract class PurgeSaga {

    static final String PURGE = "purge";

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;

    void schedulePurge(Instant purgeAt) {
        deadlines.schedule(purgeAt, PURGE);
    }

    void cancelPurge() {
        deadlines.cancelAllWithinScope(PURGE);
    }

    /** The command that purges the deleted thing, sent once nothing else of the purge is left. */
    abstract Object purgeCommand();

    /**
     * One batch of what goes before {@link #purgeCommand()}, in the deadline's transaction.
     *
     * @return whether more is left after this batch; nothing is by default
     */
    boolean purgeBatch(CommandGateway commands) {
        return false;
    }

    @DeadlineHandler(deadlineName = PURGE)
    void purge() {
        try {
            if (purgeBatch(commands)) {
                deadlines.schedule(Duration.ZERO, PURGE);
                return;
            }
            commands.sendAndWait(purgeCommand());
        } catch (RuntimeException e) {
            if (BusinessRuleException.errorOf(e).map(BusinessError::code).filter(ErrorCode.CONFLICT::equals)
                    .isPresent()) {
                SagaLifecycle.end();
                return;
            }
            throw e;
        }
    }
}
