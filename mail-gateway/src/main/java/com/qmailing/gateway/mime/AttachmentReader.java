package com.qmailing.gateway.mime;

import com.qmailing.gateway.mime.MimeWalker.Leaf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

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

    static AttachmentContent load(int index, Leaf leaf) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long size = copy(leaf, bytes);
        byte[] content = bytes.toByteArray();
        byte[] head = namedFromContent(leaf) ? Arrays.copyOf(content, Math.min(content.length, MESSAGE_HEADER_LIMIT))
                : new byte[0];
        return new AttachmentContent(
                new AttachmentInfo(index, filename(leaf, head), leaf.headers().listedType(), size), content);
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
