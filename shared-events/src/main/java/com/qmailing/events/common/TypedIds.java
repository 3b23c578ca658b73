package com.qmailing.events.common;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing shared by the typed ids: only the canonical 36-character form is an id. */
final class TypedIds {

    // UUID.fromString accepts shortened groups such as "1-1-1-1-1"; an id on the wire must be canonical.
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private TypedIds() {
    }

    static UUID parseUuid(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(text.toLowerCase(Locale.ROOT));
    }
}
