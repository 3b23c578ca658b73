package com.qmailing.gateway.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a message's DATA into one array of its exact size, which the rest of ingest reads in
 * place. When the client declared the size ({@code MAIL FROM:<…> SIZE=n}, RFC 1870, which MTAs
 * send whenever the server offers it) the bytes go straight into an array of that size and the
 * message is held exactly once. Otherwise they arrive in 64 KiB chunks that are copied into the
 * final array at the end, each let go as soon as it is copied: for that moment the message is
 * held twice, as with any growing buffer, but the chunks are garbage before the message is parsed,
 * encrypted or stored.
 */
final class MessageData {

    private static final int CHUNK = 64 * 1024;

    private MessageData() {
    }

    /**
     * @param declared the size the client announced, 0 when it announced none
     * @return the message, or null when it is longer than {@code max} (then it is read to its end and dropped)
     */
    static byte[] read(InputStream data, int max, int declared) throws IOException {
        if (declared <= 0 || declared > max) {
            return inChunks(data, max, new ArrayList<>(), 0);
        }
        byte[] message = new byte[declared];
        int read = data.readNBytes(message, 0, declared);
        if (read < declared) {
            // The announcement was generous: one copy, of the smaller size.
            return Arrays.copyOf(message, read);
        }
        int next = data.read();
        if (next < 0) {
            return message;
        }
        List<byte[]> chunks = new ArrayList<>(List.of(message, new byte[] {(byte) next}));
        return inChunks(data, max, chunks, declared + 1L);
    }

    private static byte[] inChunks(InputStream data, int max, List<byte[]> chunks, long alreadyRead)
            throws IOException {
        long total = alreadyRead;
        for (int length = CHUNK; length == CHUNK; ) {
            byte[] chunk = data.readNBytes(CHUNK);
            length = chunk.length;
            total += length;
            if (total > max) {
                // Read the rest so the session stays in step with the client.
                data.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            chunks.add(chunk);
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
