package com.qmailing.events.email;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.qmailing.events.common.EmailAddress;

import java.util.Locale;
import java.util.Objects;

/**
 * A mute rule's pattern: one sender address ({@code news@shop.example}) or a whole sender domain
 * ({@code shop.example}), lower-cased. Mail it matches shows in the MUTED view, not the INBOX.
 */
public record MutedSender(String pattern) {

    public enum Kind { SENDER, DOMAIN }

    public MutedSender {
        Objects.requireNonNull(pattern, "pattern");
    }

    /** @throws IllegalArgumentException when the text is neither an address nor a domain */
    @JsonCreator
    public static MutedSender parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must be a sender address or a domain");
        }
        String trimmed = text.trim();
        if (trimmed.indexOf('@') >= 0) {
            return new MutedSender(EmailAddress.parse(trimmed).normalized().toString());
        }
        // A domain is valid exactly when it would be valid after an address's '@'.
        return new MutedSender(new EmailAddress("x", trimmed).domain().toLowerCase(Locale.ROOT));
    }

    public Kind kind() {
        return pattern.indexOf('@') >= 0 ? Kind.SENDER : Kind.DOMAIN;
    }

    @JsonValue
    @Override
    public String toString() {
        return pattern;
    }
}
