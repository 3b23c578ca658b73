package com.qmailing.command.webhook;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.qmailing.events.common.WebhookEndpointId;
import com.qmailing.events.webhook.RecordWebhookDeliveredCommand;
import com.qmailing.events.webhook.RecordWebhookDeliveryFailedCommand;
import com.qmailing.events.webhook.WebhookDeliveryRequestedEvent;
import com.qmailing.events.webhook.WebhookEndpointDisabledEvent;
import com.qmailing.events.webhook.WebhookEndpointRevokedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One delivery of one event to one endpoint, at least once. Every attempt runs on a durable
 * deadline (db-scheduler), the first one at once: attempts run on the scheduler's threads rather
 * than holding up the saga processor, and a restart at any moment resumes where the stored saga
 * and its pending deadline say. A failed attempt records its outcome on the endpoint and schedules
 * the next one per {@link RetrySchedule}; after the last one the delivery gives up (and the
 * endpoint decides whether that disables it). Revoking or disabling the endpoint ends it.
 * <p>
 * The state holds ids and counters only, never the payload or the URL.
 */
@Saga
@ProcessingGroup(WebhookDeliverySaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class WebhookDeliverySaga {

    static final String PROCESSING_GROUP = "webhook-delivery";
    static final String ATTEMPT_DUE = "webhook-attempt-due";

    // Ids and the error text only: never the URL, the secret or the payload.
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverySaga.class);

    private WebhookEndpointId endpointId;
    private UUID deliveryId;
    private Instant requestedAt;
    private int attempts;
    private String pendingAttempt;

    @StartSaga
    @SagaEventHandler(associationProperty = "deliveryId")
    void on(WebhookDeliveryRequestedEvent event, DeadlineManager deadlines) {
        if (deliveryId != null) {
            // The same delivery requested again (a dispatcher retried over a distributed bus): it is under way.
            return;
        }
        endpointId = event.endpointId();
        deliveryId = event.deliveryId();
        requestedAt = event.requestedAt();
        SagaLifecycle.associateWith("endpointId", endpointId.toString());
        pendingAttempt = deadlines.schedule(Duration.ZERO, ATTEMPT_DUE, new AttemptDue(1));
    }

    @DeadlineHandler(deadlineName = ATTEMPT_DUE)
    void attempt(AttemptDue due, DeliveryAttempts deliveries, RetrySchedule retries, CommandGateway commands,
                 DeadlineManager deadlines, Clock clock) {
        if (due.attempt() != attempts + 1) {
            return;
        }
        attempts = due.attempt();
        pendingAttempt = null;
        AttemptOutcome outcome = deliveries.attempt(endpointId, deliveryId);
        if (outcome instanceof AttemptOutcome.Delivered delivered) {
            commands.sendAndWait(new RecordWebhookDeliveredCommand(endpointId, deliveryId, attempts,
                    delivered.status()));
            finish(deliveries);
        } else if (outcome instanceof AttemptOutcome.Failed failed) {
            retryOrGiveUp(failed, deliveries, retries, commands, deadlines, clock);
        } else {
            finish(deliveries);
        }
    }

    private void retryOrGiveUp(AttemptOutcome.Failed failed, DeliveryAttempts deliveries, RetrySchedule retries,
                               CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        Optional<Duration> retry = retries.delayAfter(attempts);
        Instant nextAttemptAt = retry.map(clock.instant()::plus).orElse(null);
        commands.sendAndWait(new RecordWebhookDeliveryFailedCommand(endpointId, deliveryId, attempts,
                failed.status(), failed.error(), requestedAt, nextAttemptAt));
        if (retry.isPresent()) {
            log.debug("Webhook delivery {} to endpoint {}: attempt {} failed ({}), retrying in {}", deliveryId,
                    endpointId, attempts, failed.error(), retry.get());
            pendingAttempt = deadlines.schedule(retry.get(), ATTEMPT_DUE, new AttemptDue(attempts + 1));
        } else {
            log.warn("Webhook delivery {} to endpoint {} gave up after {} attempts; the last: {}", deliveryId,
                    endpointId, attempts, failed.error());
            finish(deliveries);
        }
    }

    @SagaEventHandler(associationProperty = "endpointId")
    void on(WebhookEndpointRevokedEvent event, DeadlineManager deadlines, DeliveryAttempts deliveries) {
        stop(deadlines, deliveries);
    }

    @SagaEventHandler(associationProperty = "endpointId")
    void on(WebhookEndpointDisabledEvent event, DeadlineManager deadlines, DeliveryAttempts deliveries) {
        stop(deadlines, deliveries);
    }

    private void stop(DeadlineManager deadlines, DeliveryAttempts deliveries) {
        if (pendingAttempt != null) {
            deadlines.cancelSchedule(ATTEMPT_DUE, pendingAttempt);
        }
        finish(deliveries);
    }

    private void finish(DeliveryAttempts deliveries) {
        deliveries.discard(deliveryId);
        SagaLifecycle.end();
    }
}
