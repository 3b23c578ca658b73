package com.qmailing.gateway.mime;

import java.time.Instant;
import java.util.List;

/** The top-level header fields of a message, decoded. */
record MessageHeaders(String subject, MessageAddress from, List<MessageAddress> to, List<MessageAddress> cc,
        List<MessageAddress> replyTo, String messageId, String inReplyTo, List<String> references, Instant date) {

    static final MessageHeaders NONE = new MessageHeaders(null, null, List.of(), List.of(), List.of(), null, null,
            List.of(), null);

    static MessageHeaders of(HeaderFields fields) {
        List<MessageAddress> from = Addresses.parse(fields.first("from"));
        return new MessageHeaders(
                subject(fields),
                from.isEmpty() ? null : from.get(0),
                Addresses.parse(fields.joined("to", ",")),
                Addresses.parse(fields.joined("cc", ",")),
                Addresses.parse(fields.joined("reply-to", ",")),
                MessageIds.first(fields.first("message-id")),
                MessageIds.first(fields.first("in-reply-to")),
                MessageIds.all(fields.joined("references", " ")),
                MailDates.parse(fields.first("date")));
    }

    static String subject(HeaderFields fields) {
        return TextNeutraliser.singleLine(EncodedWords.decode(fields.first("subject")));
    }
}
