package com.qmailing.gateway.mime;

import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;

import java.text.ParsePosition;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The Date header, leniently: comments and the day name are dropped (the day name is redundant
 * and often full or wrong), the obsolete zone names of RFC 5322 §4.3 are understood, and a
 * missing zone means UTC. Unreadable dates give null rather than a guess.
 */
final class MailDates {

    private static final Map<String, String> OBSOLETE_ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));

    private MailDates() {
    }

    static Instant parse(String header) {
        if (header == null) {
            return null;
        }
        String text = withNumericZone(withoutDayName(withoutComments(header)));
        try {
            return Instant.from(DateTimeFieldLenientImpl.RFC_5322.parse(text, new ParsePosition(0)));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String withoutComments(String header) {
        StringBuilder out = new StringBuilder(header.length());
        int depth = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(Character.isWhitespace(c) ? ' ' : c);
            }
        }
        return singleSpaced(out.toString().trim());
    }

    /** Runs of spaces as one, without a regular expression compiled for every received message. */
    private static String singleSpaced(String text) {
        if (!text.contains("  ")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' || out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String withoutDayName(String text) {
        int comma = text.indexOf(',');
        if (comma > 0 && text.substring(0, comma).chars().allMatch(Character::isLetter)) {
            return text.substring(comma + 1).trim();
        }
        return text;
    }

    private static String withNumericZone(String text) {
        int space = text.lastIndexOf(' ');
        String zone = OBSOLETE_ZONES.get(text.substring(space + 1).toUpperCase(Locale.ROOT));
        return zone == null ? text : text.substring(0, space + 1) + zone;
    }
}
