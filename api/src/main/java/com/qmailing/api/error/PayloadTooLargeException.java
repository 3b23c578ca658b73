package com.qmailing.api.error;

/** A request body over its limit, detected while it streams in. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message, null, false, false);
    }
}
