package com.qmailing.events.webhook;

/**
 * The secret an endpoint's deliveries are signed with ({@code whsec_} and 32 letters or digits),
 * as registration answers it once. The server keeps it only encrypted.
 */
public record WebhookSigningSecret(String plaintext) {

    public static final String PREFIX = "whsec_";

    /** The first characters, shown in lists so that a user can tell secrets apart. */
    public String displayPrefix() {
        return plaintext.substring(0, PREFIX.length() + 4);
    }

    @Override
    public String toString() {
        return "WebhookSigningSecret[redacted]";
    }
}
