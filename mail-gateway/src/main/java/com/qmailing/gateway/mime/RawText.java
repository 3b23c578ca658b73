package com.qmailing.gateway.mime;

/** Whether bytes that could not be parsed as a message are worth showing as text. */
final class RawText {

    private static final int SAMPLE = 8192;

    private RawText() {
    }

    /** No NUL and at most one control byte in fifty, judged on the start. */
    static boolean looksLikeText(byte[] raw) {
        int length = Math.min(raw.length, SAMPLE);
        if (length == 0) {
            return false;
        }
        int controls = 0;
        for (int i = 0; i < length; i++) {
            int b = raw[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                controls++;
            }
        }
        return controls * 50 <= length;
    }
}
