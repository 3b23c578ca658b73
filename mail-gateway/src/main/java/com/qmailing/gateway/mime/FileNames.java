package com.qmailing.gateway.mime;

/**
 * Attachment file names as shown to people and handed to programs that save files. Only the last
 * path segment is kept: {@code ../../etc/passwd} or {@code C:\Windows\x.dll} must not reach a
 * client that writes the attachment under its own name.
 */
final class FileNames {

    static final String UNNAMED_MESSAGE = "message.eml";

    private FileNames() {
    }

    /** @param decoded a parameter value already decoded from RFC 2231 / RFC 2047; null gives null */
    static String clean(String decoded) {
        if (decoded == null) {
            return null;
        }
        String name = TextNeutraliser.singleLine(decoded);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).trim();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
    }

    /** A forwarded message's file name: its subject, with path separators made harmless, plus {@code .eml}. */
    static String forMessage(String subject) {
        if (subject == null || subject.isBlank()) {
            return UNNAMED_MESSAGE;
        }
        return subject.replace('/', '_').replace('\\', '_') + ".eml";
    }
}
