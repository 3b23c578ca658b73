package com.qmailing.events.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The endpoint failed for so long that it stopped receiving deliveries, pending retries included. */
@Revision("1")
public record WebhookEndpointDisabledEvent(WebhookEndpointId endpointId, AccountId accountId, String reason,
                                           Instant disabledAt) {
}
