package com.qmailing.gateway.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a message's DATA into one array of its exact size, without ever holding it twice. SMTP
 * does not say the size in advance, so the bytes arrive in 64 KiB chunks; each chunk is let go
 * as soon as it is copied into the final array, so the garbage collector can take the chunks
 * while the copy goes on. A growing buffer ({@code readNBytes}, {@code ByteArrayOutputStream})
 * would hold the message twice, or more, at its peak.
 */
final class MessageData {

    private static final int CHUNK = 64 * 1024;

    private MessageData() {
    }

    /** @return the message, or null when it is longer than {@code max} (then it is read to its end and dropped) */
    static byte[] read(InputStream data, int max) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = data.readNBytes(CHUNK);
            total += chunk.length;
            if (total > max) {
                chunks.clear();
                // Read the rest so the session stays in step with the client.
                data.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            if (chunk.length > 0) {
                chunks.add(chunk);
            }
            if (chunk.length < CHUNK) {
                break;
            }
        }
        byte[] message = new byte[(int) total];
        int position = 0;
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.set(i, null);
            System.arraycopy(chunk, 0, message, position, chunk.length);
            position += chunk.length;
        }
        return message;
    }
}
