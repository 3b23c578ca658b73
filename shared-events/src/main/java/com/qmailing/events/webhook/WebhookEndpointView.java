package com.qmailing.events.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;

import java.time.Instant;
import java.util.Set;

/**
 * An endpoint as its owner sees it.
 *
 * @param enabled         false once it was disabled after sustained failure
 * @param lastDeliveredAt the last successful delivery
 * @param lastStatus      the HTTP status of the latest attempt, {@code null} when it got no answer
 * @param lastError       why the latest attempt failed; {@code null} after a success
 */
public record WebhookEndpointView(WebhookEndpointId id, AccountId accountId, String url, String label,
                                  String secretPrefix, Set<WebhookEventType> events, boolean enabled,
                                  Instant lastDeliveredAt, Integer lastStatus, String lastError, Instant revokedAt,
                                  Instant createdAt) {
}
