package com.qmailing.gateway.mime;

import java.util.Optional;

/** The snippet shown in message lists: the start of the text on one line. */
final class PreviewText {

    static final int LENGTH = 200;

    private PreviewText() {
    }

    /** @return up to {@link #LENGTH} characters with white space collapsed, or null when there is no text */
    static String of(String text) {
        return text == null ? null : cut(text).preview();
    }

    /**
     * The preview of a text of which only {@code prefix} is at hand, when the prefix decides it:
     * the preview was complete before the last {@code unsureTail} characters, which may differ
     * from the whole text's (a character cut in two, a line break split from its pair).
     *
     * @return empty when more of the text is needed
     */
    static Optional<String> ofPrefix(String prefix, int unsureTail) {
        Cut cut = cut(prefix);
        return cut.complete() && cut.consumed() <= prefix.length() - unsureTail
                ? Optional.ofNullable(cut.preview()) : Optional.empty();
    }

    /**
     * @param consumed how many characters of the text decided the preview
     * @param complete whether the preview is full, so that no later character can change it
     */
    private record Cut(String preview, int consumed, boolean complete) {
    }

    private static Cut cut(String text) {
        StringBuilder out = new StringBuilder(LENGTH + 1);
        boolean pendingSpace = false;
        boolean complete = false;
        int i = 0;
        while (i < text.length()) {
            if (out.length() >= LENGTH) {
                complete = true;
                break;
            }
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
                    complete = true;
                    break;
                }
                out.appendCodePoint(codePoint);
            }
        }
        if (!complete && out.length() >= LENGTH) {
            complete = true;
        }
        String preview = out.toString().trim();
        return new Cut(preview.isEmpty() ? null : preview, i, complete);
    }
}
