package com.qmailing.gateway.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds test messages: text blocks are written with LF and sent with CRLF, as on the wire. */
final class Eml {

    private Eml() {
    }

    static byte[] utf8(String text) {
        return in(text, StandardCharsets.UTF_8);
    }

    static byte[] in(String text, Charset charset) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(charset);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Base64 in 76-character lines, as MIME wants it. */
    static String base64(byte[] bytes) {
        return Base64.getMimeEncoder().encodeToString(bytes);
    }
}
