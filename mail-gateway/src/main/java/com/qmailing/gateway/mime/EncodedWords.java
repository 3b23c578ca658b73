package com.qmailing.gateway.mime;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Decodes RFC 2047 encoded words ({@code =?charset?Q|B?text?=}) the way mail clients do, not the
 * way the RFC asks: words glued to other text or to each other are decoded too, white space
 * between adjacent words is dropped, the bytes of adjacent words in one charset are joined before
 * decoding (encoders split multi-byte characters across words), an RFC 2231 language suffix on the
 * charset is ignored, unpadded Base64 and raw non-ASCII inside Q text are accepted, and an unknown
 * charset falls back to a UTF-8/windows-1252 guess. Anything that is not a well-formed word is
 * left as it is. Linear in the input: a failed candidate never rescans the text.
 */
final class EncodedWords {

    private static final int MAX_CHARSET_LENGTH = 64;

    private EncodedWords() {
    }

    static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Run run = null;
        int copiedUpTo = 0;
        int searchFrom = 0;
        while (true) {
            int start = text.indexOf("=?", searchFrom);
            if (start < 0) {
                break;
            }
            Word word = Word.at(text, start);
            if (word == Word.NONE_FURTHER) {
                break;
            }
            if (word == null) {
                searchFrom = start + 2;
                continue;
            }
            String between = text.substring(copiedUpTo, start);
            if (run == null || !between.isBlank()) {
                flush(run, out);
                run = null;
                out.append(between);
            } else if (!run.charset.equalsIgnoreCase(word.charset)) {
                flush(run, out);
                run = null;
            }
            if (run == null) {
                run = new Run(word.charset);
            }
            run.bytes.writeBytes(word.bytes);
            copiedUpTo = word.end;
            searchFrom = word.end;
        }
        flush(run, out);
        out.append(text, copiedUpTo, text.length());
        return out.toString();
    }

    private static void flush(Run run, StringBuilder out) {
        if (run != null) {
            out.append(TextDecoding.decode(run.bytes.toByteArray(), run.charset));
        }
    }

    /** Adjacent words in one charset, decoded together. */
    private static final class Run {
        final String charset;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Run(String charset) {
            this.charset = charset;
        }
    }

    private record Word(String charset, byte[] bytes, int end) {

        /** No word can start at or after this point: the text has no closing {@code ?=} left. */
        static final Word NONE_FURTHER = new Word("", new byte[0], -1);

        /** The word starting at {@code start}, null when that is no word, or {@link #NONE_FURTHER}. */
        static Word at(String text, int start) {
            int charsetEnd = text.indexOf('?', start + 2);
            if (charsetEnd < 0) {
                return NONE_FURTHER;
            }
            String charset = text.substring(start + 2, charsetEnd);
            if (charset.isEmpty() || charset.length() > MAX_CHARSET_LENGTH || hasSpaceOrEquals(charset)
                    || charsetEnd + 2 >= text.length() || text.charAt(charsetEnd + 2) != '?') {
                return null;
            }
            char encoding = Character.toUpperCase(text.charAt(charsetEnd + 1));
            if (encoding != 'Q' && encoding != 'B') {
                return null;
            }
            // Neither encoding can carry a literal '?', so the first one after the encoding ends the text.
            int textStart = charsetEnd + 3;
            int textEnd = text.indexOf('?', textStart);
            if (textEnd < 0) {
                return NONE_FURTHER;
            }
            if (textEnd + 1 >= text.length() || text.charAt(textEnd + 1) != '=') {
                return null;
            }
            String encoded = text.substring(textStart, textEnd);
            byte[] bytes = encoding == 'Q' ? decodeQ(encoded) : decodeB(encoded);
            int languageStart = charset.indexOf('*');
            String bareCharset = languageStart > 0 ? charset.substring(0, languageStart) : charset;
            return new Word(bareCharset, bytes, textEnd + 2);
        }

        private static boolean hasSpaceOrEquals(String charset) {
            for (int i = 0; i < charset.length(); i++) {
                char c = charset.charAt(i);
                if (c <= ' ' || c == '=') {
                    return true;
                }
            }
            return false;
        }
    }

    static byte[] decodeQ(String encoded) {
        return EscapedBytes.decode(encoded, '=', true);
    }

    static byte[] decodeB(String encoded) {
        StringBuilder alphabet = new StringBuilder(encoded.length() + 3);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                alphabet.append(c);
            }
        }
        // A lone trailing character carries less than a byte; missing padding is common.
        if (alphabet.length() % 4 == 1) {
            alphabet.setLength(alphabet.length() - 1);
        }
        while (alphabet.length() % 4 != 0) {
            alphabet.append('=');
        }
        return Base64.getDecoder().decode(alphabet.toString());
    }
}
