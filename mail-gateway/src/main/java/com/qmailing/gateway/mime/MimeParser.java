package com.qmailing.gateway.mime;

import java.util.Optional;

/**
 * Reads raw RFC 5322 / MIME messages for display: headers decoded, bodies decoded and made safe,
 * attachments listed and fetched by index. Built for mail as it arrives, not as the RFCs
 * describe it: no input is refused, none makes it throw, and whatever part of a damaged message
 * can be read is returned. Thread-safe and stateless.
 */
public final class MimeParser {

    /**
     * How much of each body a summary reads: enough for any preview (HTML's visible text often
     * starts after kilobytes of style sheet), while a message whose body is most of 25 MB costs
     * no more memory than one with small bodies.
     */
    static final int SUMMARY_BODY_LIMIT = 1 << 20;

    /** Never throws and never returns null; a null input reads as an empty one. */
    public ParsedMessage parse(byte[] raw) {
        return parse(raw, Integer.MAX_VALUE, true);
    }

    /**
     * As {@link #parse}, for what a message is listed with (headers, preview, attachment list):
     * no bodies are returned (null), and only as much of them is read ({@link #SUMMARY_BODY_LIMIT}
     * bytes at most) and decoded as the preview needs; it is the same preview as {@link #parse}'s.
     * Attachments are measured and never held, here as in {@link #parse}; the walk reads
     * {@code raw} in place. This runs for every received message before its {@code 250}.
     */
    public ParsedMessage summarise(byte[] raw) {
        return parse(raw, SUMMARY_BODY_LIMIT, false);
    }

    private static ParsedMessage parse(byte[] raw, int bodyLimit, boolean keepBodies) {
        byte[] message = raw == null ? new byte[0] : raw;
        ParsedMessageCollector collector = new ParsedMessageCollector(bodyLimit, keepBodies);
        boolean complete = walkQuietly(message, collector);
        try {
            return collector.result(message, complete);
        } catch (RuntimeException | StackOverflowError unexpected) {
            return ParsedMessage.empty(null);
        }
    }

    /**
     * The decoded bytes of the attachment at {@code index}, numbered as in
     * {@link ParsedMessage#attachments()}; empty when there is no such attachment. Bodies before
     * it are skipped undecoded; nothing after it is read. It is decoded twice, to be measured and
     * then into an array of its size, so that it is held once (see {@link AttachmentFinder}).
     */
    public Optional<AttachmentContent> attachment(byte[] raw, int index) {
        if (raw == null || index < 0) {
            return Optional.empty();
        }
        AttachmentFinder measuring = AttachmentFinder.measuring(index);
        walkQuietly(raw, measuring);
        return measuring.measured().flatMap(measured -> {
            AttachmentFinder loading = AttachmentFinder.loading(measured);
            walkQuietly(raw, loading);
            return loading.found();
        });
    }

    /** @return whether the walk got to the end; on failure the visitor keeps what it saw before. */
    private static boolean walkQuietly(byte[] message, MimeWalker.PartVisitor visitor) {
        try {
            MimeWalker.walk(message, visitor);
            return true;
        } catch (Exception | StackOverflowError damaged) {
            return false;
        }
    }
}
