package com.qmailing.gateway.outbound;

import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.SendEmailCommand;
import com.qmailing.events.email.StoreSentEmailCommand;
import com.qmailing.gateway.message.MessageSummaries;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The mail edge's half of sending: build the MIME, then have the core store the SENT copy.
 * What is stored is exactly what will be delivered.
 */
@Component
class Composition {

    private final CommandGateway commands;
    private final MessageSummaries summaries;
    private final MessageComposer composer;
    private final Clock clock;

    Composition(CommandGateway commands, MessageSummaries summaries, Clock clock,
                @Value("${qmailing.domain:qmailing.local}") String domain) {
        this.commands = commands;
        this.summaries = summaries;
        this.clock = clock;
        this.composer = new MessageComposer(domain);
    }

    @CommandHandler
    EmailId handle(SendEmailCommand command) {
        MessageComposer.Composed composed = composer.compose(command, clock.instant());
        EmailHeaders parsed = summaries.of(composed.raw());
        // Bcc is envelope-only: not in the bytes, so the parsed headers cannot know it.
        EmailHeaders headers = new EmailHeaders(parsed.fromAddress(), parsed.fromName(), parsed.to(), parsed.cc(),
                command.bcc().stream().map(EmailAddress::toString).toList(), parsed.subject(), parsed.previewText(),
                composed.messageId(), composed.inReplyTo(), composed.references(), parsed.sentAt(),
                parsed.attachments());
        Set<EmailAddress> recipients = new LinkedHashSet<>();
        Stream.of(command.to(), command.cc(), command.bcc()).flatMap(List::stream).map(EmailAddress::normalized)
                .forEach(recipients::add);
        return commands.sendAndWait(new StoreSentEmailCommand(command.emailId(), command.accountId(),
                command.mailboxId(), composed.raw(), headers, List.copyOf(recipients), command.idempotencyKey()));
    }
}
