package com.qmailing.gateway.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hex-escaped text to bytes, shared by RFC 2047 Q words ({@code =XX}, {@code _} for space) and
 * RFC 2231 values ({@code %XX}). A malformed escape stays literal; a raw non-ASCII character —
 * illegal in both, common in both — is kept as its UTF-8 bytes.
 */
final class EscapedBytes {

    private EscapedBytes() {
    }

    static byte[] decode(String text, char escape, boolean underscoreIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == escape && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else if (c == '_' && underscoreIsSpace) {
                out.write(' ');
                i++;
            } else if (c < 0x80) {
                out.write(c);
                i++;
            } else {
                int codePoint = text.codePointAt(i);
                out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return c < 0x80 && Character.digit(c, 16) >= 0;
    }
}
