package com.qmailing.gateway.message;

import com.qmailing.events.email.AttachmentSummary;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.gateway.mime.MessageAddress;
import com.qmailing.gateway.mime.MimeParser;
import com.qmailing.gateway.mime.ParsedMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/** What the core is told about a message at ingest: its headers, preview and attachment list, parsed once. */
@Component
public class MessageSummaries {

    private final MimeParser parser;

    public MessageSummaries(MimeParser parser) {
        this.parser = parser;
    }

    public EmailHeaders of(byte[] raw) {
        ParsedMessage message = parser.summarise(raw);
        MessageAddress from = message.from();
        return new EmailHeaders(from == null ? null : from.address(), from == null ? null : from.name(),
                addresses(message.to()), addresses(message.cc()), List.of(), message.subject(),
                message.previewText(), message.messageId(), message.inReplyTo(), message.references(),
                message.date(), message.attachments().stream()
                        .map(a -> new AttachmentSummary(a.index(), a.filename(), a.contentType(), a.sizeBytes()))
                        .toList());
    }

    private static List<String> addresses(List<MessageAddress> addresses) {
        return addresses.stream().map(MessageAddress::address).toList();
    }
}
