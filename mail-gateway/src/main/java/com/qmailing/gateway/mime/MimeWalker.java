package com.qmailing.gateway.mime;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Walks a message's MIME tree with mime4j's pull parser and hands each leaf part to a visitor in
 * document order, with a stream of its transfer-decoded body. A body the visitor does not read is
 * skipped without being decoded, which is what makes fetching one attachment cheap.
 * <p>
 * mime4j runs in its lenient mode without line, header or size limits: refusing a message is
 * never an option, and the input is already in memory. Two structures are not descended into:
 * an attached message (message/rfc822) is one leaf, like any attachment, and a multipart nested
 * deeper than {@link #MAX_MULTIPART_DEPTH} is handed over whole as one opaque leaf, because each
 * level adds a boundary scan to every byte below it.
 */
final class MimeWalker {

    static final int MAX_MULTIPART_DEPTH = 50;

    private static final MimeConfig LENIENT = MimeConfig.custom()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1)
            .setMaxContentLen(-1)
            // A broken line among the headers is skipped; treating it as the start of the body
            // would push Content-Type and friends into the text.
            .setMalformedHeaderStartsBody(false)
            .build();

    private MimeWalker() {
    }

    interface PartVisitor {

        /** The top-level header block; called once, before any leaf. */
        void messageHeaders(HeaderFields fields);

        /** @return whether to go on to the next leaf */
        boolean leaf(Leaf leaf) throws IOException;

        /** Whether {@link #partlessMultipart} is wanted; reading preambles costs a copy. */
        default boolean wantsPartlessMultiparts() {
            return false;
        }

        /** How many bytes of a preamble {@link #partlessMultipart} gets at most. */
        default int preambleLimit() {
            return Integer.MAX_VALUE;
        }

        /** A multipart whose boundary never showed up: all its content ended up in the preamble. */
        default void partlessMultipart(byte[] content) {
        }
    }

    /**
     * @param root   whether the part is the message itself (a single-part message)
     * @param opaque whether the part is an over-deep multipart passed on undecoded
     * @param body   the decoded body, readable only during {@link PartVisitor#leaf}
     */
    record Leaf(PartHeaders headers, boolean root, boolean opaque, InputStream body) {
    }

    static void walk(byte[] message, PartVisitor visitor) throws IOException, MimeException {
        MimeTokenStream stream = new MimeTokenStream(LENIENT);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(HeaderSection.open(message));
        Deque<OpenMultipart> open = new ArrayDeque<>();
        HeaderFields fields = new HeaderFields();
        boolean messageHeadersSeen = false;
        for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
            switch (state) {
                case T_START_BODYPART -> {
                    fields = new HeaderFields();
                    if (!open.isEmpty()) {
                        open.peek().parts++;
                    }
                }
                case T_FIELD -> fields.add(stream.getField());
                case T_END_HEADER -> {
                    if (!messageHeadersSeen) {
                        messageHeadersSeen = true;
                        visitor.messageHeaders(fields);
                    }
                }
                case T_START_MULTIPART -> {
                    boolean opaque = open.size() >= MAX_MULTIPART_DEPTH;
                    open.push(new OpenMultipart(opaque));
                    if (opaque && !visitOpaque(stream, fields, visitor)) {
                        return;
                    }
                }
                case T_PREAMBLE -> {
                    if (visitor.wantsPartlessMultiparts() && !open.isEmpty()) {
                        open.peek().preamble = stream.getInputStream().readNBytes(visitor.preambleLimit());
                    }
                }
                case T_END_MULTIPART -> {
                    OpenMultipart closed = open.pop();
                    if (!closed.opaque && closed.parts == 0 && closed.preamble != null) {
                        visitor.partlessMultipart(closed.preamble);
                    }
                }
                case T_BODY -> {
                    Leaf leaf = new Leaf(PartHeaders.of(fields, stream.getBodyDescriptor()), open.isEmpty(), false,
                            stream.getDecodedInputStream());
                    if (!visitor.leaf(leaf)) {
                        return;
                    }
                }
                default -> {
                    // Start and end markers carry nothing the visitors need.
                }
            }
        }
    }

    /**
     * Reading a multipart's content at its start makes mime4j skip its parts: the whole multipart
     * becomes one leaf. It must be read to the end even when the visitor does not want it, or
     * mime4j would go on to parse the parts.
     */
    private static boolean visitOpaque(MimeTokenStream stream, HeaderFields fields, PartVisitor visitor)
            throws IOException {
        InputStream content = stream.getInputStream();
        boolean goOn = visitor.leaf(new Leaf(PartHeaders.opaque(fields), false, true, content));
        content.transferTo(OutputStream.nullOutputStream());
        return goOn;
    }

    /** The header block of a message held in bytes: an attached message's, to name it. */
    static HeaderFields headersOf(byte[] message) {
        HeaderFields fields = new HeaderFields();
        try {
            MimeTokenStream stream = new MimeTokenStream(LENIENT);
            stream.parse(new ByteArrayInputStream(message));
            for (EntityState state = stream.next(); state == EntityState.T_START_HEADER || state == EntityState.T_FIELD;
                    state = stream.next()) {
                if (state == EntityState.T_FIELD) {
                    fields.add(stream.getField());
                }
            }
        } catch (IOException | MimeException | RuntimeException unreadable) {
            // Whatever fields came before the damage are still good.
        }
        return fields;
    }

    private static final class OpenMultipart {
        final boolean opaque;
        int parts;
        byte[] preamble;

        OpenMultipart(boolean opaque) {
            this.opaque = opaque;
        }
    }
}
