package com.qmailing.command.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.webhook.WebhookEventType;
import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;

/**
 * Something that happened, told to the account's endpoints that subscribed to its type.
 *
 * @param id        the same for every endpoint and every retry: the event's identifier
 * @param subject   the scope whose key seals the payload while deliveries are under way
 * @param data      the {@code data} member of the payload: a record of what a receiver needs,
 *                  never message bodies
 */
record WebhookNotification(String id, AccountId accountId, WebhookEventType type, DataSubject subject,
                           Instant createdAt, Object data) {

    /** A notification of the event in {@code message}, sealed under its data subject when it has one. */
    static WebhookNotification of(EventMessage<?> message, AccountId account, WebhookEventType type, Object data) {
        DataSubject subject = message.getPayload() instanceof HasPersonalData personal
                ? personal.dataSubject() : DataSubject.account(account);
        return new WebhookNotification(message.getIdentifier(), account, type, subject, message.getTimestamp(), data);
    }

    @Override
    public String toString() {
        return "WebhookNotification[" + id + ", " + type.wire() + "]";
    }
}
