package com.qmailing.gateway.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes to text when the label on the bytes cannot be trusted.
 * <p>
 * Mail is often labelled US-ASCII or not labelled at all while carrying UTF-8 or Latin-1, and
 * labelled with a charset whose superset was meant. The rules: a label Java does not know, or
 * US-ASCII on 8-bit bytes, means "guess" — UTF-8 when the bytes are UTF-8, windows-1252 otherwise;
 * UTF-8 that does not validate is taken as windows-1252 unless it is mostly valid UTF-8 with a few
 * broken bytes; other labels are decoded as labelled, mapped to the superset browsers use.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** What browsers decode these labels as (WHATWG Encoding Standard): senders mean the superset. */
    private static final Map<String, String> SUPERSETS = Map.of(
            "iso-8859-1", "windows-1252",
            "latin1", "windows-1252",
            "iso-8859-9", "windows-1254",
            "iso-8859-11", "x-windows-874",
            "tis-620", "x-windows-874",
            "gb2312", "GBK",
            "euc-kr", "x-windows-949",
            "ks_c_5601-1987", "x-windows-949",
            "iso-8859-8-i", "ISO-8859-8");

    private TextDecoding() {
    }

    /** A header value's raw bytes: UTF-8 when they are valid UTF-8 (RFC 6532), windows-1252 otherwise. */
    static String header(byte[] bytes) {
        return guess(bytes);
    }

    /** Body or encoded-word bytes under their declared charset label (which may be null or wrong). */
    static String decode(byte[] bytes, String charsetLabel) {
        return new String(bytes, charsetOf(bytes, charsetLabel));
    }

    /**
     * The charset {@link #decode} reads these bytes with. It looks at all of them, so a caller
     * that decodes only a prefix with it gets the prefix of what {@link #decode} returns.
     */
    static Charset charsetOf(byte[] bytes, String charsetLabel) {
        Charset charset = lookup(charsetLabel);
        if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
            return guessCharset(bytes);
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            Utf8Check check = Utf8Check.of(bytes);
            return check.isValid() || check.isMostlyValid() ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        return charset;
    }

    /** The Java charset for a MIME label, or null when there is none. */
    static Charset lookup(String label) {
        if (label == null) {
            return null;
        }
        String name = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Charset.forName(SUPERSETS.getOrDefault(name, name));
        } catch (RuntimeException unknownOrIllegalName) {
            return null;
        }
    }

    private static String guess(byte[] bytes) {
        return new String(bytes, guessCharset(bytes));
    }

    private static Charset guessCharset(byte[] bytes) {
        Utf8Check check = Utf8Check.of(bytes);
        return check.isValid() || check.isMostlyValid() ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /** Counts well-formed multi-byte UTF-8 sequences and bytes that belong to none. */
    record Utf8Check(int multiByteSequences, int strayBytes) {

        boolean isValid() {
            return strayBytes == 0;
        }

        /**
         * Latin-1 text practically never forms a valid multi-byte UTF-8 sequence, so UTF-8
         * sequences outnumbering stray bytes means UTF-8 with some damage, not another charset.
         */
        boolean isMostlyValid() {
            return multiByteSequences > strayBytes;
        }

        static Utf8Check of(byte[] bytes) {
            int sequences = 0;
            int stray = 0;
            int i = 0;
            while (i < bytes.length) {
                int lead = bytes[i] & 0xFF;
                if (lead < 0x80) {
                    i++;
                    continue;
                }
                int length = sequenceLength(bytes, i, lead);
                if (length == 0) {
                    stray++;
                    i++;
                } else {
                    sequences++;
                    i += length;
                }
            }
            return new Utf8Check(sequences, stray);
        }

        /** Length of the well-formed sequence starting at {@code i} (RFC 3629 table), or 0. */
        private static int sequenceLength(byte[] bytes, int i, int lead) {
            int length;
            int secondLow = 0x80;
            int secondHigh = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                if (lead == 0xE0) {
                    secondLow = 0xA0;
                } else if (lead == 0xED) {
                    secondHigh = 0x9F;
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                if (lead == 0xF0) {
                    secondLow = 0x90;
                } else if (lead == 0xF4) {
                    secondHigh = 0x8F;
                }
            } else {
                return 0;
            }
            if (i + length > bytes.length) {
                return 0;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondLow || second > secondHigh) {
                return 0;
            }
            for (int k = 2; k < length; k++) {
                int continuation = bytes[i + k] & 0xFF;
                if (continuation < 0x80 || continuation > 0xBF) {
                    return 0;
                }
            }
            return length;
        }
    }
}
