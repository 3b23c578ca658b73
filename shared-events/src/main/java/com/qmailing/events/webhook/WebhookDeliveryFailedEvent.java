package com.qmailing.events.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * Attempt number {@code attempt} of a delivery failed.
 *
 * @param status        the HTTP status answered, or {@code null} when there was no answer
 * @param error         why; never the URL, the secret or the response body
 * @param nextAttemptAt when it is tried again, or {@code null} when the delivery gave up
 */
@Revision("1")
public record WebhookDeliveryFailedEvent(WebhookEndpointId endpointId, AccountId accountId, UUID deliveryId,
                                         int attempt, Integer status, String error, Instant failedAt,
                                         Instant nextAttemptAt) {
}
