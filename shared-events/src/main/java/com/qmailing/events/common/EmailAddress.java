package com.qmailing.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An RFC 5321 mailbox address {@code localPart@domain}, ASCII only, domain lower-cased.
 * <p>
 * ASCII only on purpose: look-alike letters, zero-width and bidirectional characters are the
 * usual tricks to make one address pass for another, and no hosted mailbox needs SMTPUTF8.
 * Internationalised domains are accepted in their punycode form.
 */
public record EmailAddress(String localPart, String domain) {

    public static final int MAX_LENGTH = 320;

    // dot-atom: atext runs separated by single dots, RFC 5322 §3.2.3.
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public EmailAddress {
        if (localPart == null || localPart.length() > 64 || !LOCAL_PART.matcher(localPart).matches()) {
            throw new IllegalArgumentException("invalid local part");
        }
        // Checked before lower-casing: some non-ASCII letters lower-case to ASCII (KELVIN SIGN → 'k').
        if (domain == null || !domain.chars().allMatch(c -> c < 128)) {
            throw new IllegalArgumentException("invalid domain");
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("invalid domain");
        }
    }

    /** @throws IllegalArgumentException when the text is not a plain ASCII address */
    @JsonCreator
    public static EmailAddress parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("invalid address");
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("invalid address");
        }
        return new EmailAddress(text.substring(0, at), text.substring(at + 1));
    }

    /** Hosted mailboxes match case-insensitively: this is the form addresses are stored and looked up in. */
    public EmailAddress normalized() {
        return new EmailAddress(localPart.toLowerCase(Locale.ROOT), domain);
    }

    /** {@code alice+news@example.com} delivers to {@code alice@example.com}. */
    public EmailAddress withoutTag() {
        int plus = localPart.indexOf('+');
        return plus <= 0 ? this : new EmailAddress(localPart.substring(0, plus), domain);
    }

    @JsonValue
    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
