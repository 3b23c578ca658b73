package com.qmailing.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of an email (one stored message in one mailbox); {@link #toString()} is the bare lowercase UUID. */
public record EmailId(UUID value) {

    public EmailId {
        Objects.requireNonNull(value, "value");
    }

    public static EmailId random() {
        return new EmailId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    @JsonCreator
    public static EmailId parse(String text) {
        return new EmailId(TypedIds.parseUuid(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
