package com.qmailing.api.mailbox;

import com.qmailing.events.mailbox.MailboxStatus;
import com.qmailing.events.mailbox.MailboxView;

import java.time.Instant;

/** A mailbox on the wire, field for field as the hosted API has it. */
public record MailboxResponse(String id, String address, String localPart, String domain, String displayName,
                              String forwardTo, boolean forwardOnly, MailboxStatus status, long emailCount,
                              long unreadCount, long sizeBytes, Instant createdAt) {

    static MailboxResponse of(MailboxView view) {
        return new MailboxResponse(view.id().toString(), view.address(), view.localPart(), view.domain(),
                view.displayName(), view.forwardTo(), view.forwardOnly(), view.status(), view.emailCount(),
                view.unreadCount(), view.sizeBytes(), view.createdAt());
    }
}
