package com.qmailing.api.email;

import java.nio.charset.StandardCharsets;

/**
 * RFC 6266 {@code Content-Disposition} for attachment downloads, exactly as API.md has it: an
 * ASCII fallback (non-ASCII and unsafe characters as {@code _}) plus the RFC 5987 UTF-8 form.
 */
final class DownloadNames {

    private static final String FALLBACK = "download";

    private DownloadNames() {
    }

    static String contentDisposition(String filename) {
        String name = filename == null || filename.isBlank() ? FALLBACK : filename;
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    /** Quotes, backslashes and controls would break out of the quoted string: they become {@code _} too. */
    static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return out.toString();
    }

    /** RFC 5987 {@code attr-char}s stay, every other byte of the UTF-8 form is {@code %XX}. */
    static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
