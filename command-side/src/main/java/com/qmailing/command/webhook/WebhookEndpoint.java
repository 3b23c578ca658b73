package com.qmailing.command.webhook;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.WebhookEndpointId;
import com.qmailing.events.webhook.RecordWebhookDeliveredCommand;
import com.qmailing.events.webhook.RecordWebhookDeliveryFailedCommand;
import com.qmailing.events.webhook.RegisterWebhookEndpointCommand;
import com.qmailing.events.webhook.RequestWebhookDeliveryCommand;
import com.qmailing.events.webhook.RevokeWebhookEndpointCommand;
import com.qmailing.events.webhook.WebhookDeliveryFailedEvent;
import com.qmailing.events.webhook.WebhookDeliveryRequestedEvent;
import com.qmailing.events.webhook.WebhookDeliverySucceededEvent;
import com.qmailing.events.webhook.WebhookEndpointDisabledEvent;
import com.qmailing.events.webhook.WebhookEndpointRegisteredEvent;
import com.qmailing.events.webhook.WebhookEndpointRevokedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A webhook endpoint: whether it takes deliveries, and the outcome of every attempt. It gains
 * events with every delivery, so it is cached and snapshotted; its state is the handful of fields
 * below, which is also what a snapshot holds (hence the field visibility for Jackson).
 */
@Aggregate(cache = "webhookEndpointCache", snapshotTriggerDefinition = "webhookEndpointSnapshots")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class WebhookEndpoint {

    @AggregateIdentifier
    private WebhookEndpointId id;
    private AccountId owner;
    private boolean revoked;
    private boolean enabled;
    private Instant lastDeliveredAt;

    protected WebhookEndpoint() {
        // for Axon
    }

    /** Created by {@link WebhookRegistration} once the URL is checked and the secret stored. */
    WebhookEndpoint(RegisterWebhookEndpointCommand command, String secretPrefix, Instant now) {
        apply(new WebhookEndpointRegisteredEvent(command.endpointId(), command.accountId(), command.url(),
                command.label(), command.events(), secretPrefix, now));
    }

    /** Idempotent: revoking a revoked endpoint changes nothing. */
    @CommandHandler
    void handle(RevokeWebhookEndpointCommand command, Clock clock) {
        if (!owner.equals(command.accountId())) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "webhook endpoint not found");
        }
        if (!revoked) {
            apply(new WebhookEndpointRevokedEvent(id, owner, clock.instant()));
        }
    }

    /** @return whether the endpoint took the delivery: not once it is revoked or disabled */
    @CommandHandler
    boolean handle(RequestWebhookDeliveryCommand command, Clock clock) {
        if (revoked || !enabled) {
            return false;
        }
        apply(new WebhookDeliveryRequestedEvent(id, owner, command.deliveryId(), command.type(), clock.instant()));
        return true;
    }

    @CommandHandler
    void handle(RecordWebhookDeliveredCommand command, Clock clock) {
        if (!revoked) {
            apply(new WebhookDeliverySucceededEvent(id, owner, command.deliveryId(), command.attempt(),
                    command.status(), clock.instant()));
        }
    }

    /**
     * Disables the endpoint when a delivery gives up and nothing at all was delivered since it was
     * requested: the endpoint has then failed for the whole retry schedule. One delivery that an
     * otherwise healthy endpoint keeps refusing does not disable it.
     */
    @CommandHandler
    void handle(RecordWebhookDeliveryFailedCommand command, Clock clock) {
        if (revoked) {
            return;
        }
        Instant now = clock.instant();
        apply(new WebhookDeliveryFailedEvent(id, owner, command.deliveryId(), command.attempt(), command.status(),
                command.error(), now, command.nextAttemptAt()));
        boolean gaveUp = command.nextAttemptAt() == null;
        boolean deliveredSince = lastDeliveredAt != null && !lastDeliveredAt.isBefore(command.requestedAt());
        if (gaveUp && enabled && !deliveredSince) {
            apply(new WebhookEndpointDisabledEvent(id, owner, "every attempt since " + command.requestedAt()
                    + " failed; the last: " + command.error(), now));
        }
    }

    @EventSourcingHandler
    void on(WebhookEndpointRegisteredEvent event) {
        id = event.endpointId();
        owner = event.accountId();
        enabled = true;
    }

    @EventSourcingHandler
    void on(WebhookEndpointRevokedEvent event) {
        revoked = true;
    }

    @EventSourcingHandler
    void on(WebhookDeliverySucceededEvent event) {
        lastDeliveredAt = event.deliveredAt();
    }

    @EventSourcingHandler
    void on(WebhookEndpointDisabledEvent event) {
        enabled = false;
    }
}
