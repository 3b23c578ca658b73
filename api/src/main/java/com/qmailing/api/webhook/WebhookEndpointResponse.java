package com.qmailing.api.webhook;

import com.qmailing.events.webhook.WebhookEndpointView;
import com.qmailing.events.webhook.WebhookEventType;

import java.time.Instant;
import java.util.List;

/** A webhook endpoint on the wire, field for field as the hosted API has it; {@code active} until revoked. */
public record WebhookEndpointResponse(String id, String url, String label, String secretPrefix, List<String> events,
                                      boolean enabled, Instant lastDeliveredAt, Integer lastStatus, String lastError,
                                      Instant revokedAt, Instant createdAt, boolean active) {

    static WebhookEndpointResponse of(WebhookEndpointView view) {
        return new WebhookEndpointResponse(view.id().toString(), view.url(), view.label(), view.secretPrefix(),
                List.of(WebhookEventType.toWires(view.events())), view.enabled(), view.lastDeliveredAt(),
                view.lastStatus(), view.lastError(), view.revokedAt(), view.createdAt(), view.revokedAt() == null);
    }
}
