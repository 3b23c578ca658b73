package com.qmailing.gateway.mime;

import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteSequence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header fields of one entity that this package reads, each decoded from its raw bytes and
 * unfolded. Other fields are dropped as they come: a message may carry any number of them.
 */
final class HeaderFields {

    private static final Set<String> READ = Set.of("subject", "from", "to", "cc", "reply-to", "message-id",
            "in-reply-to", "references", "date", "content-type", "content-disposition");

    private final Map<String, List<String>> values = new HashMap<>();

    void add(Field field) {
        String name = field.getNameLowerCase();
        if (READ.contains(name)) {
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(valueOf(field));
        }
    }

    /** The first occurrence: a repeated Subject or From is more likely a smuggling attempt than a correction. */
    String first(String name) {
        List<String> found = values.get(name);
        return found == null ? null : found.get(0);
    }

    /** Every occurrence joined, for fields that some senders split over several lines (To, Cc, References). */
    String joined(String name, String separator) {
        List<String> found = values.get(name);
        return found == null ? null : String.join(separator, found);
    }

    /**
     * mime4j decodes 8-bit header bytes as UTF-8 with replacement characters; the raw bytes let
     * Latin-1 headers from old clients come out right.
     */
    private static String valueOf(Field field) {
        if (field instanceof RawField raw && raw.getRaw() != null) {
            ByteSequence bytes = raw.getRaw();
            int from = Math.min(raw.getDelimiterIdx() + 1, bytes.length());
            byte[] value = new byte[bytes.length() - from];
            for (int i = 0; i < value.length; i++) {
                value[i] = bytes.byteAt(from + i);
            }
            return unfold(TextDecoding.header(value));
        }
        return unfold(field.getBody() == null ? "" : field.getBody());
    }

    /** RFC 5322 unfolding removes the line breaks and keeps the white space that follows them. */
    static String unfold(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out.toString().trim();
    }
}
