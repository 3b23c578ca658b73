package com.qmailing.events.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Attempt number {@code attempt} of a delivery was answered with the 2xx {@code status}. */
@Revision("1")
public record WebhookDeliverySucceededEvent(WebhookEndpointId endpointId, AccountId accountId, UUID deliveryId,
                                            int attempt, int status, Instant deliveredAt) {
}
