package com.qmailing.events.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The endpoint receives nothing from now on, pending retries included. */
@Revision("1")
public record WebhookEndpointRevokedEvent(WebhookEndpointId endpointId, AccountId accountId, Instant revokedAt) {
}
