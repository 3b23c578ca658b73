package com.qmailing.events.email;

/**
 * One piece of a raw message, from {@link GetRawEmailChunksQuery}. Every piece has been
 * authenticated before it was sent; an empty message is one empty piece.
 *
 * @param totalBytes the whole message's length, the same on every piece
 */
public record RawEmailChunkView(long totalBytes, byte[] bytes) {
}
