package com.qmailing.command.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;

/**
 * Raw bytes by key. Every method either does what it says or throws
 * {@link BlobStoreUnavailableException}; none reports a failure by its return value.
 * <p>
 * A key that has blobs below it ({@code a} next to {@code a/b}) should not hold a blob itself:
 * S3 allows it, but S3-compatible stores that keep objects as files (MinIO, s3proxy) refuse it.
 */
public interface BlobStore {

    /**
     * Stores the bytes under the key, replacing any blob already there. When this returns the
     * blob is durable (it survives a crash or power loss), which is what lets SMTP answer 250.
     */
    default void put(BlobKey key, byte[] content) {
        put(key, BlobSource.of(content));
    }

    /**
     * As {@link #put(BlobKey, byte[])}, reading the content as it writes: a store holds at most a
     * buffer of it in memory. A source that fails or yields another length than it announced
     * fails the put and leaves the blob that was there before, if any.
     */
    void put(BlobKey key, BlobSource content);

    /** @return the bytes last put under the key, or empty when there is none */
    default Optional<byte[]> get(BlobKey key) {
        return open(key).map(blob -> {
            try (blob) {
                return blob.content().readAllBytes();
            } catch (IOException | UncheckedIOException e) {
                throw new BlobStoreUnavailableException("cannot read blob " + key, e);
            }
        });
    }

    /**
     * The blob last put under the key as a stream, for readers that need not hold it whole; the
     * caller closes it. A failure while reading the stream is an {@link IOException}.
     *
     * @return empty when there is no blob under the key
     */
    Optional<StoredBlob> open(BlobKey key);

    boolean exists(BlobKey key);

    /** Deletes the blob if there is one; deleting a missing blob is not an error. */
    void delete(BlobKey key);

    /**
     * Deletes each of the blobs there is, as {@link #delete(BlobKey)} does, in fewer round trips and
     * disk flushes than one by one: what a purge batch uses.
     */
    void delete(Collection<BlobKey> keys);

    /**
     * Deletes every blob below the prefix, that is whose key starts with {@code prefix + "/"}.
     * Running it again deletes nothing more.
     *
     * @return how many blobs were deleted
     */
    int deleteAll(BlobKey prefix);
}
