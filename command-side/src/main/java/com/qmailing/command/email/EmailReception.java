package com.qmailing.command.email;

import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.BlobSource;
import com.qmailing.command.blob.EncryptedBlobs;
import com.qmailing.command.mailbox.ForwardingSettings;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailForwardQueuedEvent;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.EmailReceivedEvent;
import com.qmailing.events.email.Folder;
import com.qmailing.events.email.ReceiveEmailCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Stores a received message ({@link MessageStorage}), then records it in the recipient's INBOX. A
 * forwarding mailbox also stores a forward copy, in the same transaction, whose event starts its
 * delivery: the sender's {@code 250} therefore means the forward is as durable as the message. With
 * {@code forwardOnly} the forward copy is the only one; a message that already passed the mailbox
 * ({@link ForwardTrace}) is kept instead of forwarded, whatever the settings, so a loop ends here
 * without losing it.
 */
@Component
class EmailReception {

    private final Repository<Email> emails;
    private final MessageStorage storage;
    private final EncryptedBlobs blobs;
    private final ForwardingSettings forwarding;
    private final ForwardTrace trace;

    EmailReception(@Lazy Repository<Email> emails, MessageStorage storage, EncryptedBlobs blobs,
                   ForwardingSettings forwarding, ForwardTrace trace) {
        this.emails = emails;
        this.storage = storage;
        this.blobs = blobs;
        this.forwarding = forwarding;
        this.trace = trace;
    }

    @CommandHandler
    EmailId handle(ReceiveEmailCommand command, Clock clock) throws Exception {
        var forward = forwarding.of(command.mailboxId())
                .filter(settings -> !trace.isLoop(command.mailboxId(), command.raw()));
        if (forward.isEmpty() || !forward.get().only()) {
            keep(command.emailId(), command.accountId(), command.mailboxId(), command.raw(), command.headers(), clock);
        }
        if (forward.isPresent()) {
            boolean copyKept = !forward.get().only();
            EmailId copy = copyKept ? EmailId.random() : command.emailId();
            // The trace line goes on top of the received bytes as they are encrypted: they are not copied.
            BlobSource stamped = BlobSource.of(trace.line(command.mailboxId(), command.raw()),
                    BlobSource.of(command.raw()));
            // No thread and no storage count: the copy is in no folder and goes once the forward is settled.
            blobs.store(DataSubject.email(copy, command.accountId()), BlobKey.email(command.accountId(), copy.value()),
                    stamped);
            EmailForwardQueuedEvent queued = new EmailForwardQueuedEvent(copy, command.accountId(),
                    command.mailboxId(), stamped.length(), command.headers(), List.of(forward.get().to()), copyKept,
                    clock.instant());
            emails.newInstance(() -> new Email(queued));
        }
        return command.emailId();
    }

    /** The message in the mailbox's INBOX, where its owner sees it. */
    void keep(EmailId email, AccountId account, MailboxId mailbox, byte[] raw, EmailHeaders headers, Clock clock)
            throws Exception {
        UUID thread = storage.store(email, account, mailbox, raw, headers);
        EmailReceivedEvent received = new EmailReceivedEvent(email, account, mailbox, Folder.INBOX, thread,
                raw.length, headers, clock.instant());
        emails.newInstance(() -> new Email(received));
    }
}
