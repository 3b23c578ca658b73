package com.qmailing.command.webhook;

import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.email.EmailBouncedEvent;
import com.qmailing.events.email.EmailDeliveredEvent;

import java.time.Instant;
import java.util.List;

/**
 * The {@code data} of {@code email.sent} (delivered to these recipients) and {@code email.bounced}
 * (given up on them, with the reason a sender needs). Recipients are {@code null} once the email's
 * key was shredded.
 */
record EmailDeliveryData(String emailId, String mailboxId, List<String> recipients, int attempt, String reason,
                         Instant at) {

    static EmailDeliveryData of(EmailDeliveredEvent event) {
        return new EmailDeliveryData(event.emailId().toString(), event.mailboxId().toString(),
                addresses(event.recipients()), event.attempt(), null, event.deliveredAt());
    }

    static EmailDeliveryData of(EmailBouncedEvent event) {
        return new EmailDeliveryData(event.emailId().toString(), event.mailboxId().toString(),
                addresses(event.recipients()), event.attempt(), event.reason(), event.bouncedAt());
    }

    private static List<String> addresses(List<EmailAddress> recipients) {
        return recipients == null ? null : recipients.stream().map(EmailAddress::toString).toList();
    }
}
