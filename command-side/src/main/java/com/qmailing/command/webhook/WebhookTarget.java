package com.qmailing.command.webhook;

/** Where and with what secret an endpoint's deliveries go; both decrypted, so never printed. */
record WebhookTarget(String url, String secret) {

    @Override
    public String toString() {
        return "WebhookTarget[redacted]";
    }
}
