package com.qmailing.api.webhook;

/** The one response that carries an endpoint's signing secret. */
public record RegisteredWebhookResponse(WebhookEndpointResponse endpoint, String plaintext) {

    @Override
    public String toString() {
        return "RegisteredWebhookResponse[" + endpoint.id() + ", " + endpoint.secretPrefix() + "…]";
    }
}
