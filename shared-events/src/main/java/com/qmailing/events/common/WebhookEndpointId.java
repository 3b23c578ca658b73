package com.qmailing.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a webhook endpoint; {@link #toString()} is the bare lowercase UUID. */
public record WebhookEndpointId(UUID value) {

    public WebhookEndpointId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookEndpointId random() {
        return new WebhookEndpointId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    @JsonCreator
    public static WebhookEndpointId parse(String text) {
        return new WebhookEndpointId(TypedIds.parseUuid(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
