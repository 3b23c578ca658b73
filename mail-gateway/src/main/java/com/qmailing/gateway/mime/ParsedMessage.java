package com.qmailing.gateway.mime;

import java.time.Instant;
import java.util.List;

/**
 * What a message says about itself, decoded and made safe to show. Every text field has had its
 * invisible and direction-changing characters removed; single-line fields hold no control
 * characters. Absent or unreadable values are null; lists are never null.
 *
 * @param subject     the decoded Subject
 * @param from        the first From mailbox
 * @param messageId   {@code <id>}
 * @param inReplyTo   the first {@code <id>} of In-Reply-To
 * @param references  every {@code <id>} of References, in order
 * @param date        the Date header as an instant
 * @param textBody    the first text/plain part that is not an attachment, line ends as LF
 * @param htmlBody    the first text/html part that is not an attachment, sanitised for display
 * @param previewText about 200 characters of the text (or HTML's text), white space collapsed
 * @param attachments every other leaf part, in document order
 */
public record ParsedMessage(String subject, MessageAddress from, List<MessageAddress> to, List<MessageAddress> cc,
        List<MessageAddress> replyTo, String messageId, String inReplyTo, List<String> references, Instant date,
        String textBody, String htmlBody, String previewText, List<AttachmentInfo> attachments) {

    public ParsedMessage {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        replyTo = replyTo == null ? List.of() : List.copyOf(replyTo);
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The worst case: nothing could be read. */
    static ParsedMessage empty(String previewText) {
        return new ParsedMessage(null, null, List.of(), List.of(), List.of(), null, null, List.of(), null,
                null, null, previewText, List.of());
    }
}
