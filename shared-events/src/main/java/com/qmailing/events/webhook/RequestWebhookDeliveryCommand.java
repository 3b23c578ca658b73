package com.qmailing.events.webhook;

import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Asks the endpoint to take one delivery. Answers {@code true} when it did, {@code false} when
 * the endpoint was revoked or disabled meanwhile (then nothing is sent).
 */
public record RequestWebhookDeliveryCommand(@TargetAggregateIdentifier WebhookEndpointId endpointId,
                                            UUID deliveryId, WebhookEventType type) {
}
