package com.qmailing.gateway.mime;

/**
 * Makes inbound text safe to show next to text we control.
 * <p>
 * Invisible and direction-changing characters let a sender make one name, subject or file name
 * pass for another ({@code invoice} U+202E {@code fdp.exe} shows as {@code invoiceexe.pdf}); line breaks
 * and other controls decoded from encoded words are how header injection gets in. Both kinds are
 * removed from every inbound text field: single-line fields lose every control character
 * (replaced by a space, runs of white space collapsed, trimmed), multi-line fields keep only line
 * feeds and tabs, with CR LF and lone CR turned into LF.
 * <p>
 * One deliberate exception: ZERO WIDTH JOINER and NON-JOINER are kept when both neighbours are
 * visible non-ASCII characters, because emoji sequences and Persian, Arabic and Indic spelling
 * need them. Between ASCII letters they only serve to hide words, so they go there.
 */
final class TextNeutraliser {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private TextNeutraliser() {
    }

    /** For subjects, display names and file names: one line, no controls, no hidden characters. */
    static String singleLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isPrintableAscii(c)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                i++;
                continue;
            }
            int codePoint = visible(text, i);
            int next = i + Character.charCount(text.codePointAt(i));
            if (isSpaceOrControl(codePoint)) {
                pendingSpace = out.length() > 0;
            } else if (!isHidden(text, i, next, codePoint)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(codePoint);
            }
            i = next;
        }
        return out.toString();
    }

    /** For bodies: keeps the lines and tabs, drops every other control and hidden character. */
    static String multiLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isPrintableAscii(c)) {
                out.append(c);
                i++;
                continue;
            }
            int codePoint = visible(text, i);
            int next = i + Character.charCount(text.codePointAt(i));
            if (codePoint == '\r') {
                out.append('\n');
                if (next < text.length() && text.charAt(next) == '\n') {
                    next++;
                }
            } else if (codePoint == '\n' || codePoint == '\t') {
                out.append((char) codePoint);
            } else if (isLineOrParagraphSeparator(codePoint)) {
                out.append('\n');
            } else if (!Character.isISOControl(codePoint) && !isHidden(text, i, next, codePoint)) {
                out.appendCodePoint(codePoint);
            }
            i = next;
        }
        return out.toString();
    }

    /** Most mail text is plain ASCII, which needs none of the checks below. */
    private static boolean isPrintableAscii(char c) {
        return c > ' ' && c < 0x7F;
    }

    /** The code point at {@code index}, with a lone surrogate half shown as U+FFFD. */
    private static int visible(String text, int index) {
        int codePoint = text.codePointAt(index);
        return isSurrogate(codePoint) ? 0xFFFD : codePoint;
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    private static boolean isSpaceOrControl(int codePoint) {
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint);
    }

    private static boolean isLineOrParagraphSeparator(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isHidden(String text, int index, int next, int codePoint) {
        if (codePoint == ZERO_WIDTH_JOINER || codePoint == ZERO_WIDTH_NON_JOINER) {
            return !joinsVisibleNonAscii(text, index, next);
        }
        return isInvisible(codePoint);
    }

    /**
     * Format characters (bidi embeddings, overrides and isolates, marks, zero-width spaces, BOM,
     * soft hyphen, tags), the other default-ignorable code points that render as nothing, and
     * noncharacters. Variation selectors stay: emoji presentation depends on them.
     */
    static boolean isInvisible(int codePoint) {
        if (Character.getType(codePoint) == Character.FORMAT) {
            return true;
        }
        return codePoint == 0x034F                                  // COMBINING GRAPHEME JOINER
                || codePoint == 0x115F || codePoint == 0x1160         // Hangul choseong/jungseong fillers
                || codePoint == 0x17B4 || codePoint == 0x17B5         // Khmer inherent vowels
                || codePoint == 0x3164 || codePoint == 0xFFA0         // Hangul fillers
                || (codePoint >= 0xFFF0 && codePoint <= 0xFFF8)       // unassigned specials
                || (codePoint >= 0xE0000 && codePoint <= 0xE00FF)     // tag characters and their block
                || (codePoint >= 0xE01F0 && codePoint <= 0xE0FFF)
                || isNoncharacter(codePoint);
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static boolean joinsVisibleNonAscii(String text, int index, int next) {
        if (index == 0 || next >= text.length()) {
            return false;
        }
        return isVisibleNonAscii(text.codePointBefore(index)) && isVisibleNonAscii(text.codePointAt(next));
    }

    private static boolean isVisibleNonAscii(int codePoint) {
        // The joiners are format characters themselves, so a run of them never counts as visible.
        return codePoint > 0x7F && !isSpaceOrControl(codePoint) && !isInvisible(codePoint)
                && !isSurrogate(codePoint);
    }
}
