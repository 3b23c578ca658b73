package com.qmailing.events.common;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for the local part of a hosted mailbox, stricter than what {@link EmailAddress} accepts. */
public final class MailboxLocalPart {

    /** Local parts the instance keeps for itself on its primary domain (RFC 2142). */
    public static final Set<String> RESERVED = Set.of("postmaster", "abuse");

    /** The rule, in the words every edge reports it with. */
    public static final String RULE = "1-64 letters, digits, '.', '-' or '_', not starting or ending with '.'";

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private MailboxLocalPart() {
    }

    /** @return the lower-cased local part, or {@code null} when it breaks the rules */
    public static String normalize(String localPart) {
        if (localPart == null || !ALLOWED.matcher(localPart).matches()
                || localPart.startsWith(".") || localPart.endsWith(".") || localPart.contains("..")) {
            return null;
        }
        return localPart.toLowerCase(Locale.ROOT);
    }
}
