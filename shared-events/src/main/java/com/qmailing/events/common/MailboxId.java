package com.qmailing.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a mailbox; {@link #toString()} is the bare lowercase UUID. */
public record MailboxId(UUID value) {

    public MailboxId {
        Objects.requireNonNull(value, "value");
    }

    public static MailboxId random() {
        return new MailboxId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    @JsonCreator
    public static MailboxId parse(String text) {
        return new MailboxId(TypedIds.parseUuid(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
