package com.qmailing.command.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Objects;

/**
 * Content to store, read as a stream of a length known in advance. It can be opened again: an S3
 * PUT that is retried reads the body a second time, and S3 needs the length before the body.
 */
public interface BlobSource {

    /** How many bytes every stream from {@link #open()} yields. */
    long length();

    /** A new stream over the content, from its start; the caller closes it. */
    InputStream open() throws IOException;

    /** Bytes already in memory, read in place: no copy is made. */
    static BlobSource of(byte[] content) {
        Objects.requireNonNull(content, "content");
        return new BlobSource() {
            @Override
            public long length() {
                return content.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }

    /** The head's bytes, then the rest's: a message with a line put on top, without joining them. */
    static BlobSource of(byte[] head, BlobSource rest) {
        Objects.requireNonNull(head, "head");
        return new BlobSource() {
            @Override
            public long length() {
                return head.length + rest.length();
            }

            @Override
            public InputStream open() throws IOException {
                return new SequenceInputStream(new ByteArrayInputStream(head), rest.open());
            }
        };
    }
}
