package com.qmailing.events.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The endpoint took a delivery of an event of {@code type}. The payload is not here: it waits,
 * encrypted, in the command side's delivery table until the delivery ends.
 */
@Revision("1")
public record WebhookDeliveryRequestedEvent(WebhookEndpointId endpointId, AccountId accountId, UUID deliveryId,
                                            WebhookEventType type, Instant requestedAt) {
}
