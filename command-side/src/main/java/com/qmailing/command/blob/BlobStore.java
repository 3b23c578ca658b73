package com.qmailing.command.blob;

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
    void put(BlobKey key, byte[] content);

    /** @return the bytes last put under the key, or empty when there is none */
    Optional<byte[]> get(BlobKey key);

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
