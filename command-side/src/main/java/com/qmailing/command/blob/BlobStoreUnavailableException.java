package com.qmailing.command.blob;

/**
 * The blob store could not do what was asked: a disk error, a full disk, an unreachable or
 * refusing S3 endpoint. Temporary from the caller's point of view: SMTP answers 451, HTTP 503.
 * Messages name keys (ids), never content.
 */
public class BlobStoreUnavailableException extends RuntimeException {

    public BlobStoreUnavailableException(String message) {
        super(message);
    }

    public BlobStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
