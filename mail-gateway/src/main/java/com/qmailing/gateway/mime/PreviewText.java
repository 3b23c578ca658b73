package com.qmailing.gateway.mime;

/** The snippet shown in message lists: the start of the text on one line. */
final class PreviewText {

    static final int LENGTH = 200;

    private PreviewText() {
    }

    /** @return up to {@link #LENGTH} characters with white space collapsed, or null when there is no text */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(LENGTH + 1);
        boolean pendingSpace = false;
        int i = 0;
        while (i < text.length() && out.length() < LENGTH) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                    || Character.isISOControl(codePoint)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                // Stop short rather than split a surrogate pair at the limit.
                if (out.length() + Character.charCount(codePoint) > LENGTH) {
                    break;
                }
                out.appendCodePoint(codePoint);
            }
        }
        String preview = out.toString().trim();
        return preview.isEmpty() ? null : preview;
    }
}
