package com.qmailing.gateway.mime;

import java.util.Optional;

/**
 * Reads raw RFC 5322 / MIME messages for display: headers decoded, bodies decoded and made safe,
 * attachments listed and fetched by index. Built for mail as it arrives, not as the RFCs
 * describe it: no input is refused, none makes it throw, and whatever part of a damaged message
 * can be read is returned. Thread-safe and stateless.
 */
public final class MimeParser {

    /** Never throws and never returns null; a null input reads as an empty one. */
    public ParsedMessage parse(byte[] raw) {
        byte[] message = raw == null ? new byte[0] : raw;
        ParsedMessageCollector collector = new ParsedMessageCollector();
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
     * it are skipped undecoded; nothing after it is read.
     */
    public Optional<AttachmentContent> attachment(byte[] raw, int index) {
        if (raw == null || index < 0) {
            return Optional.empty();
        }
        AttachmentFinder finder = new AttachmentFinder(index);
        walkQuietly(raw, finder);
        return finder.found();
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
