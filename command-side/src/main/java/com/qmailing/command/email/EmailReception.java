package com.qmailing.command.email;

import com.qmailing.events.common.EmailId;
import com.qmailing.events.email.EmailReceivedEvent;
import com.qmailing.events.email.Folder;
import com.qmailing.events.email.ReceiveEmailCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/** Stores a received message ({@link MessageStorage}), then records it in the recipient's INBOX. */
@Component
class EmailReception {

    private final Repository<Email> emails;
    private final MessageStorage storage;

    EmailReception(@Lazy Repository<Email> emails, MessageStorage storage) {
        this.emails = emails;
        this.storage = storage;
    }

    @CommandHandler
    EmailId handle(ReceiveEmailCommand command, Clock clock) throws Exception {
        EmailId email = command.emailId();
        UUID thread = storage.store(email, command.accountId(), command.mailboxId(), command.raw(), command.headers());
        EmailReceivedEvent received = new EmailReceivedEvent(email, command.accountId(), command.mailboxId(),
                Folder.INBOX, thread, command.raw().length, command.headers(), clock.instant());
        emails.newInstance(() -> new Email(received));
        return email;
    }
}
