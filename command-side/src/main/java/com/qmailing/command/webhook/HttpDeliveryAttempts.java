package com.qmailing.command.webhook;

import com.qmailing.events.common.WebhookEndpointId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Component
class HttpDeliveryAttempts implements DeliveryAttempts {

    private final WebhookEndpointRegistry endpoints;
    private final PendingPayloads payloads;
    private final WebhookHttpClient http;
    private final Clock clock;

    HttpDeliveryAttempts(WebhookEndpointRegistry endpoints, PendingPayloads payloads, WebhookHttpClient http,
                         Clock clock) {
        this.endpoints = endpoints;
        this.payloads = payloads;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public AttemptOutcome attempt(WebhookEndpointId endpoint, UUID delivery) {
        Optional<WebhookTarget> target = endpoints.target(endpoint);
        Optional<PendingPayload> payload = payloads.find(delivery);
        if (target.isEmpty() || payload.isEmpty()) {
            return new AttemptOutcome.Undeliverable();
        }
        byte[] body = payload.get().body();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-QMailing-Event", payload.get().type().wire());
        headers.put("X-QMailing-Delivery", delivery.toString());
        headers.put("X-QMailing-Signature",
                WebhookSignature.header(target.get().secret(), clock.instant().getEpochSecond(), body));
        return http.post(target.get().url(), headers, body);
    }

    @Override
    public void discard(UUID delivery) {
        payloads.delete(delivery);
    }
}
