package com.qmailing.command.email;

import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.EncryptedBlobs;
import com.qmailing.command.mailbox.AddressRegistry;
import com.qmailing.events.common.DataSubject;
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

/**
 * Stores a received message: the raw bytes first, durable and encrypted under the email's own
 * key, then the event in the same transaction as the mailbox's storage count. If the event
 * cannot be committed the blob stays behind unreferenced, which loses nothing; the reverse
 * order could reference bytes that were never written.
 */
@Component
class EmailReception {

    private final Repository<Email> emails;
    private final EncryptedBlobs blobs;
    private final ThreadRegistry threads;
    private final AddressRegistry addresses;

    EmailReception(@Lazy Repository<Email> emails, EncryptedBlobs blobs, ThreadRegistry threads,
                   AddressRegistry addresses) {
        this.emails = emails;
        this.blobs = blobs;
        this.threads = threads;
        this.addresses = addresses;
    }

    @CommandHandler
    EmailId handle(ReceiveEmailCommand command, Clock clock) throws Exception {
        EmailId email = command.emailId();
        blobs.store(DataSubject.email(email, command.accountId()), BlobKey.email(command.accountId(), email.value()),
                command.raw());
        var headers = command.headers();
        UUID thread = threads.threadFor(command.accountId(), email, headers.messageId(), headers.inReplyTo(),
                headers.references());
        addresses.addStorage(command.mailboxId(), command.raw().length);
        EmailReceivedEvent received = new EmailReceivedEvent(email, command.accountId(), command.mailboxId(),
                Folder.INBOX, thread, command.raw().length, headers, clock.instant());
        emails.newInstance(() -> new Email(received));
        return email;
    }
}
