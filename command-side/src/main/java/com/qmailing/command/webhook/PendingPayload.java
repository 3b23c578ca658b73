package com.qmailing.command.webhook;

import com.qmailing.events.webhook.WebhookEventType;

/** The exact bytes a delivery POSTs, signed as they are. */
record PendingPayload(WebhookEventType type, byte[] body) {

    @Override
    public String toString() {
        return "PendingPayload[" + type.wire() + ", " + body.length + " bytes]";
    }
}
