package com.qmailing.command.blob;

import java.io.IOException;
import java.io.InputStream;

/**
 * A blob being read: its length, known before its bytes, and a stream over them that the reader
 * must close (it holds a file or a connection).
 */
public record StoredBlob(long length, InputStream content) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
