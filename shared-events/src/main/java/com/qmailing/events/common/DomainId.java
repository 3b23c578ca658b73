package com.qmailing.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a custom domain; {@link #toString()} is the bare lowercase UUID. */
public record DomainId(UUID value) {

    public DomainId {
        Objects.requireNonNull(value, "value");
    }

    public static DomainId random() {
        return new DomainId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    @JsonCreator
    public static DomainId parse(String text) {
        return new DomainId(TypedIds.parseUuid(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
