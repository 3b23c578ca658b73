package com.qmailing.api.webhook;

import java.util.List;

/** Body of {@code POST /webhooks}; snake_case keys are accepted as well. */
public record RegisterWebhookRequest(String url, String label, List<String> events) {

    @Override
    public String toString() {
        return "RegisterWebhookRequest[" + events + "]";
    }
}
