package com.qmailing.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of an account; {@link #toString()} is the bare lowercase UUID. */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    @JsonCreator
    public static AccountId parse(String text) {
        return new AccountId(TypedIds.parseUuid(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
