package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.MailboxId;

import java.time.Instant;

public record MailboxView(MailboxId id, AccountId accountId, String address, String localPart, String domain,
                          String displayName, String forwardTo, boolean forwardOnly, MailboxStatus status,
                          long emailCount, long unreadCount, long sizeBytes, Instant createdAt) {

    /**
     * A mailbox as its creation makes it, before any mail: what the read model stores for the event
     * and what the create answers, so both say the same.
     */
    public static MailboxView created(MailboxCreatedEvent event) {
        EmailAddress address = event.address();
        // A shredded address (purged mailbox replayed) has no parts left to show.
        return new MailboxView(event.mailboxId(), event.accountId(), text(address),
                address == null ? null : address.localPart(), address == null ? null : address.domain(),
                event.displayName(), text(event.forwardTo()), event.forwardOnly(), MailboxStatus.ACTIVE, 0, 0, 0,
                event.createdAt());
    }

    private static String text(EmailAddress address) {
        return address == null ? null : address.toString();
    }
}
