package com.qmailing.gateway.mime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * Finds where a message's top-level header section really ends before mime4j reads it.
 * <p>
 * A line that is neither a field ({@code name:}) nor a continuation ends the header section, as
 * in Postfix and Python's {@code email} package: mail whose blank line got lost or holds a space
 * keeps its text instead of having it skipped line by line as broken fields. mime4j can do this
 * itself, but its way of putting the line back fails inside multiparts; here the missing blank
 * line is simply supplied. A leading mbox {@code From } line is left out.
 */
final class HeaderSection {

    private static final byte[] BLANK_LINE = {'\r', '\n'};

    private HeaderSection() {
    }

    static InputStream open(byte[] raw) {
        int start = startsWith(raw, "From ") ? nextLine(raw, 0) : 0;
        int line = start;
        while (line < raw.length) {
            int next = nextLine(raw, line);
            if (contentEnd(raw, line, next) == line) {
                break;
            }
            boolean continuation = line > start && (raw[line] == ' ' || raw[line] == '\t');
            if (!continuation && !isFieldStart(raw, line, next)) {
                return new SequenceInputStream(new ByteArrayInputStream(raw, start, line - start),
                        new SequenceInputStream(new ByteArrayInputStream(BLANK_LINE),
                                new ByteArrayInputStream(raw, line, raw.length - line)));
            }
            line = next;
        }
        return new ByteArrayInputStream(raw, start, raw.length - start);
    }

    /** A field name (printable ASCII without colon, as RFC 5322 and mime4j have it), optional blanks, a colon. */
    private static boolean isFieldStart(byte[] raw, int from, int to) {
        int i = from;
        while (i < to && raw[i] >= 0x21 && raw[i] <= 0x7E && raw[i] != ':') {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < to && (raw[i] == ' ' || raw[i] == '\t')) {
            i++;
        }
        return i < to && raw[i] == ':';
    }

    private static int nextLine(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return raw.length;
    }

    private static int contentEnd(byte[] raw, int from, int next) {
        int end = next;
        if (end > from && raw[end - 1] == '\n') {
            end--;
        }
        if (end > from && raw[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    private static boolean startsWith(byte[] raw, String prefix) {
        if (raw.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (raw[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
