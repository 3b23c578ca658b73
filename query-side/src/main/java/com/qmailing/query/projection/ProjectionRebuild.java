package com.qmailing.query.projection;

import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.projection.RebuildProjectionCommand;
import com.qmailing.query.support.Projections;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Rebuilds a projection on this node: stop its processor, reset its tokens (its {@code @ResetHandler}
 * empties its tables), start it again. The replay then runs in the background; its progress is
 * what {@code GetProjectionQuery} reports.
 */
@Component
class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private final Projections projections;
    private final TransactionTemplate ownTransaction;
    private final Duration timeout;

    ProjectionRebuild(Projections projections, PlatformTransactionManager transactions,
                      @Value("${qmailing.projection-rebuild-timeout:PT30S}") Duration timeout) {
        this.projections = projections;
        // The command's transaction would hold the reset tokens' row locks until the handler returns,
        // and the restarted processor could not claim them meanwhile.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.timeout = timeout;
    }

    /** One rebuild at a time on this node: a second one would stop a processor the first is restarting. */
    @CommandHandler
    synchronized void handle(RebuildProjectionCommand command) throws InterruptedException {
        StreamingEventProcessor processor = projections.named(command.name())
                .filter(StreamingEventProcessor::supportsReset)
                .orElseThrow(() -> new BusinessRuleException(ErrorCode.NOT_FOUND, "name: no such projection"));
        log.info("Rebuilding projection {}", command.name());
        stop(processor);
        try {
            ownTransaction.executeWithoutResult(status -> processor.resetTokens());
        } catch (UnableToClaimTokenException e) {
            throw new BusinessRuleException(ErrorCode.CONFLICT,
                    "name: another node is processing this projection; stop it there first");
        } finally {
            processor.start();
        }
        awaitClaimed(processor);
    }

    private void stop(StreamingEventProcessor processor) throws InterruptedException {
        try {
            processor.shutdownAsync().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("projection " + processor.getName() + " did not stop", e);
        }
    }

    /** Returns once the replay has begun, so the caller's next look at the projection sees it. */
    private void awaitClaimed(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        if (processor.processingStatus().isEmpty()) {
            log.warn("Projection {} has not claimed its segments within {} after its reset", processor.getName(),
                    timeout);
        }
    }
}
