package com.qmailing.command.webhook;

import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.EmailReceivedEvent;

import java.time.Instant;
import java.util.List;

/**
 * The {@code data} of {@code email.received}: enough to decide whether to fetch the email
 * ({@code GET /email/{emailId}}), never its body. Addresses and subject are {@code null} once the
 * email's key was shredded.
 */
record EmailReceivedData(String emailId, String mailboxId, String from, List<String> to, String subject,
                         long sizeBytes, Instant receivedAt) {

    static EmailReceivedData of(EmailReceivedEvent event) {
        EmailHeaders headers = event.headers();
        return new EmailReceivedData(event.emailId().toString(), event.mailboxId().toString(),
                headers == null ? null : headers.fromAddress(), headers == null ? List.of() : headers.to(),
                headers == null ? null : headers.subject(), event.sizeBytes(), event.receivedAt());
    }
}
