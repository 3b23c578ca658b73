package com.qmailing.events.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** What a webhook endpoint can subscribe to; the wire strings are fixed by the hosted API. */
public enum WebhookEventType {
    EMAIL_RECEIVED("email.received"),
    EMAIL_SENT("email.sent"),
    EMAIL_BOUNCED("email.bounced"),
    DOMAIN_VERIFIED("domain.verified"),
    /** Every type, including types added after the endpoint was registered. */
    ALL("*");

    private final String wire;

    WebhookEventType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException for a string that names no type */
    @JsonCreator
    public static WebhookEventType fromWire(String text) {
        for (WebhookEventType type : values()) {
            if (type.wire.equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type");
    }

    /** @throws IllegalArgumentException naming the first unknown type string */
    public static Set<WebhookEventType> parseAll(Collection<String> texts) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String text : texts) {
            try {
                types.add(fromWire(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown event type '" + text + "'");
            }
        }
        return types;
    }

    /** The wire strings of the types, in declaration order, as they are stored. */
    public static String[] toWires(Set<WebhookEventType> types) {
        return types.stream().sorted().map(WebhookEventType::wire).toArray(String[]::new);
    }

    public static Set<WebhookEventType> fromWires(String[] wires) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String wire : wires) {
            types.add(fromWire(wire));
        }
        return types;
    }

    /** Whether an endpoint subscribed to {@code subscribed} receives events of type {@code type}. */
    public static boolean subscribes(Set<WebhookEventType> subscribed, WebhookEventType type) {
        return subscribed.contains(ALL) || subscribed.contains(type);
    }
}
