package com.qmailing.command.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;

/** The body of a delivery: {@code {"id","type","createdAt","data":{...}}}, camelCase, ISO-8601 times. */
final class WebhookPayloadJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private WebhookPayloadJson() {
    }

    static byte[] of(WebhookNotification notification) {
        try {
            return JSON.writeValueAsBytes(new Envelope(notification.id(), notification.type().wire(),
                    notification.createdAt(), notification.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook payload of " + notification + " does not serialise", e);
        }
    }

    private record Envelope(String id, String type, Instant createdAt, Object data) {
    }
}
