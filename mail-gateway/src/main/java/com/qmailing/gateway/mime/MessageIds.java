package com.qmailing.gateway.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Message identifiers from Message-ID, In-Reply-To and References, in their {@code <id>} form.
 * Bracketed ids are taken wherever they stand (In-Reply-To often carries prose around them); a
 * header without brackets still yields the words that look like ids ({@code local@domain}). White
 * space inside an id is folding damage and is removed; an id longer than a header line may be
 * (998 characters) is garbage and is dropped.
 */
final class MessageIds {

    static final int MAX_ID_LENGTH = 998;

    private MessageIds() {
    }

    static String first(String header) {
        List<String> ids = all(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    static List<String> all(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = bracketed(header);
        return ids.isEmpty() ? bare(header) : ids;
    }

    private static List<String> bracketed(String header) {
        List<String> ids = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '<') {
                open = i;
            } else if (c == '>' && open >= 0) {
                add(ids, header.substring(open + 1, i));
                open = -1;
            }
        }
        return ids;
    }

    private static List<String> bare(String header) {
        List<String> ids = new ArrayList<>();
        for (String word : header.split("[\\s,]+")) {
            if (word.indexOf('@') > 0) {
                add(ids, word.replace("<", "").replace(">", ""));
            }
        }
        return ids;
    }

    private static void add(List<String> ids, String inner) {
        String id = TextNeutraliser.singleLine(inner).replace(" ", "");
        if (!id.isEmpty() && id.length() <= MAX_ID_LENGTH) {
            ids.add("<" + id + ">");
        }
    }
}
