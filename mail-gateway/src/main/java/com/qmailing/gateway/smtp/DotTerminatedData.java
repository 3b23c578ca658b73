package com.qmailing.gateway.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The message of one {@code DATA} command (RFC 5321 §4.5.2): the bytes up to the line {@code .},
 * with the leading dot of every other line removed. The last CRLF before the terminating line
 * belongs to the message, as in the SMTP library this replaces.
 *
 * <p>It reads the session's stream in blocks, where the library read and tested it byte by byte
 * (a fifth of the ingest CPU). Bytes after the terminating line belong to the next command of a
 * pipelining client, so each block is read under a mark and, once the end is found, the stream is
 * reset and advanced exactly past {@code .CRLF}. The session's stream is a
 * {@link java.io.BufferedInputStream}, which supports that.
 */
final class DotTerminatedData extends InputStream {

    private static final int BLOCK = 8192;

    /** Where the scan stands in the current line; the unstuffed dot and a CR after it are held back. */
    private enum Position { LINE_START, IN_LINE, AFTER_CR, AFTER_LEADING_DOT, AFTER_LEADING_DOT_CR }

    private final InputStream session;
    private final byte[] block;
    private final byte[] message;
    private int messageStart;
    private int messageEnd;
    private Position position = Position.LINE_START;
    private boolean ended;

    DotTerminatedData(InputStream session) {
        this(session, BLOCK);
    }

    /** A smaller block lets tests put the terminator and stuffed dots across block edges. */
    DotTerminatedData(InputStream session, int blockSize) {
        if (!session.markSupported()) {
            throw new IllegalArgumentException("the session stream must support mark and reset");
        }
        this.session = session;
        this.block = new byte[blockSize];
        // A held-back CR comes out together with the byte after it, so one block can yield one more byte.
        this.message = new byte[blockSize + 1];
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return message[messageStart++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, messageEnd - messageStart);
        System.arraycopy(message, messageStart, into, offset, count);
        messageStart += count;
        return count;
    }

    @Override
    public int available() {
        return messageEnd - messageStart;
    }

    /** Makes message bytes available; false once the terminating line has been read. */
    private boolean fill() throws IOException {
        while (messageStart == messageEnd) {
            if (ended) {
                return false;
            }
            scanBlock();
        }
        return true;
    }

    private void scanBlock() throws IOException {
        session.mark(block.length);
        int read = session.read(block, 0, block.length);
        if (read < 0) {
            throw new EOFException("connection closed before the end of the DATA message");
        }
        messageStart = 0;
        messageEnd = 0;
        for (int i = 0; i < read; i++) {
            if (position == Position.IN_LINE) {
                // Most bytes are inside a line, where only a CR can change anything: copy up to it at once.
                int cr = i;
                while (cr < read && block[cr] != '\r') {
                    cr++;
                }
                System.arraycopy(block, i, message, messageEnd, cr - i);
                messageEnd += cr - i;
                if (cr == read) {
                    return;
                }
                i = cr;
            }
            if (scan(block[i])) {
                ended = true;
                session.reset();
                session.readNBytes(i + 1);
                return;
            }
        }
    }

    /** Scans one byte from the wire; true when it completes the terminating line. */
    private boolean scan(byte b) {
        switch (position) {
            case LINE_START -> {
                if (b == '.') {
                    position = Position.AFTER_LEADING_DOT;
                } else {
                    emitInLine(b);
                }
            }
            case AFTER_LEADING_DOT -> {
                if (b == '\r') {
                    position = Position.AFTER_LEADING_DOT_CR;
                } else {
                    emitInLine(b);
                }
            }
            case AFTER_LEADING_DOT_CR -> {
                if (b == '\n') {
                    return true;
                }
                message[messageEnd++] = '\r';
                position = Position.AFTER_CR;
                emitAfterCr(b);
            }
            case AFTER_CR -> emitAfterCr(b);
            case IN_LINE -> emitInLine(b);
        }
        return false;
    }

    private void emitInLine(byte b) {
        message[messageEnd++] = b;
        position = b == '\r' ? Position.AFTER_CR : Position.IN_LINE;
    }

    private void emitAfterCr(byte b) {
        message[messageEnd++] = b;
        position = b == '\n' ? Position.LINE_START : b == '\r' ? Position.AFTER_CR : Position.IN_LINE;
    }
}
