package com.qmailing.gateway.mime;

import com.qmailing.gateway.mime.MimeWalker.Leaf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Reads an attachment leaf — to measure it when listing, to keep it when downloading — the same
 * way both times, so that a listed name and size are what the download delivers.
 */
final class AttachmentReader {

    /** An attached message is named from its header block; past this size, it is not worth the search. */
    private static final int MESSAGE_HEADER_LIMIT = 64 * 1024;
    /** Small on purpose: a message with a thousand attachments allocates one per attachment. */
    private static final int BUFFER_SIZE = 8 * 1024;

    private AttachmentReader() {
    }

    static AttachmentInfo measure(int index, Leaf leaf) throws IOException {
        HeadKeeper head = new HeadKeeper(namedFromContent(leaf) ? MESSAGE_HEADER_LIMIT : 0);
        long size = copy(leaf, head);
        return new AttachmentInfo(index, filename(leaf, head.bytes()), leaf.headers().listedType(), size);
    }

    /**
     * @param measured what {@link #measure} said of this very leaf: its size is the array's
     * @throws IOException when the leaf decodes to another size, which a walk over the same bytes never does
     */
    static AttachmentContent load(AttachmentInfo measured, Leaf leaf) throws IOException {
        if (measured.sizeBytes() > Integer.MAX_VALUE - 8) {
            throw new IOException("attachment too large for one array");
        }
        byte[] content = new byte[(int) measured.sizeBytes()];
        int read = leaf.body().readNBytes(content, 0, content.length);
        if (read != content.length || leaf.body().read() != -1) {
            throw new IOException("the attachment decoded to another size than measured");
        }
        return new AttachmentContent(measured, content);
    }

    private static boolean namedFromContent(Leaf leaf) {
        return leaf.headers().filename() == null && leaf.headers().isMessage();
    }

    private static String filename(Leaf leaf, byte[] head) {
        if (!namedFromContent(leaf)) {
            return leaf.headers().filename();
        }
        return FileNames.forMessage(MessageHeaders.subject(MimeWalker.headersOf(head)));
    }

    private static long copy(Leaf leaf, OutputStream sink) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long size = 0;
        for (int read = leaf.body().read(buffer); read != -1; read = leaf.body().read(buffer)) {
            sink.write(buffer, 0, read);
            size += read;
        }
        return size;
    }

    /** Keeps the first {@code limit} bytes written and counts the rest away. */
    private static final class HeadKeeper extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;

        HeadKeeper(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            if (kept.size() < limit) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            kept.write(b, off, Math.min(len, limit - kept.size()));
        }

        byte[] bytes() {
            return kept.toByteArray();
        }
    }
}
