package com.qmailing.events.email;

import java.time.Instant;
import java.util.List;

/**
 * What a reader sees of a message before opening it, parsed once at ingest. Every field is
 * personal data: events carry it only sealed under the email's own key. Addresses are as
 * written in the message; text is already neutralised (no invisible or bidi-override characters).
 */
public record EmailHeaders(String fromAddress, String fromName, List<String> to, List<String> cc, List<String> bcc,
                           String subject, String previewText, String messageId, String inReplyTo,
                           List<String> references, Instant sentAt, List<AttachmentSummary> attachments) {

    public EmailHeaders {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
