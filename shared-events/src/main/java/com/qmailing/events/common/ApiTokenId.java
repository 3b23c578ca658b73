package com.qmailing.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of an API token; {@link #toString()} is the bare lowercase UUID. */
public record ApiTokenId(UUID value) {

    public ApiTokenId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiTokenId random() {
        return new ApiTokenId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    @JsonCreator
    public static ApiTokenId parse(String text) {
        return new ApiTokenId(TypedIds.parseUuid(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
