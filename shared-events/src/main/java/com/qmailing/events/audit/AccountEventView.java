package com.qmailing.events.audit;

import java.time.Instant;

/**
 * One stored event, decrypted: personal fields in clear, or null once their scope was purged.
 *
 * @param type    the event's name ({@code MailboxCreatedEvent})
 * @param payload the event as JSON; null when this version does not know the event type
 */
public record AccountEventView(long globalIndex, Instant timestamp, String aggregateId, long sequence, String type,
                               String revision, String payload) {
}
