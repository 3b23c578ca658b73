package com.qmailing.events.webhook;

import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery attempt failed.
 *
 * @param status        the HTTP status answered, or {@code null} when there was no answer
 * @param error         why, in words that never contain the URL, the secret or the response body
 * @param requestedAt   when the delivery was requested: the endpoint is disabled when a delivery
 *                      gives up and nothing has been delivered since then
 * @param nextAttemptAt when the next attempt is due, or {@code null} when this was the last one
 */
public record RecordWebhookDeliveryFailedCommand(@TargetAggregateIdentifier WebhookEndpointId endpointId,
                                                 UUID deliveryId, int attempt, Integer status, String error,
                                                 Instant requestedAt, Instant nextAttemptAt) {
}
