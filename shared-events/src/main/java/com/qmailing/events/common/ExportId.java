package com.qmailing.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of one data export (P9); {@link #toString()} is the bare lowercase UUID. */
public record ExportId(UUID value) {

    public ExportId {
        Objects.requireNonNull(value, "value");
    }

    public static ExportId random() {
        return new ExportId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    @JsonCreator
    public static ExportId parse(String text) {
        return new ExportId(TypedIds.parseUuid(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
