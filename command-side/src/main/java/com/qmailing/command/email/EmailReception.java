package com.qmailing.command.email;

import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.BlobSource;
import com.qmailing.command.blob.EncryptedBlobs;
import com.qmailing.command.config.GroupedCommand;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores a received message ({@link MessageStorage}), then records it in the recipient's INBOX. A
 * forwarding mailbox also stores a forward copy, in the same transaction, whose event starts its
 * delivery: the sender's {@code 250} therefore means the forward is as durable as the message. With
 * {@code forwardOnly} the forward copy is the only one; a message that already passed the mailbox
 * ({@link ForwardTrace}) is kept instead of forwarded, whatever the settings, so a loop ends here
 * without losing it.
 * <p>
 * Received messages are committed in groups ({@link GroupedCommand}): the forwarding decision and
 * the kept copy's raw bytes are taken care of before, on the receiving thread, and the handler,
 * run for the group, only records them.
 */
@Component
class EmailReception implements GroupedCommand<ReceiveEmailCommand> {

    private final Repository<Email> emails;
    private final MessageStorage storage;
    private final EncryptedBlobs blobs;
    private final ForwardingSettings forwarding;
    private final ForwardTrace trace;
    private final Map<EmailId, Reception> prepared = new ConcurrentHashMap<>();

    EmailReception(@Lazy Repository<Email> emails, MessageStorage storage, EncryptedBlobs blobs,
                   ForwardingSettings forwarding, ForwardTrace trace) {
        this.emails = emails;
        this.storage = storage;
        this.blobs = blobs;
        this.forwarding = forwarding;
        this.trace = trace;
    }

    @Override
    public Class<ReceiveEmailCommand> commandType() {
        return ReceiveEmailCommand.class;
    }

    @Override
    public void prepare(ReceiveEmailCommand command) {
        Reception reception = decide(command);
        if (reception.keepsCopy()) {
            storage.storeRaw(command.emailId(), command.accountId(), command.raw());
        }
        prepared.put(command.emailId(), reception);
    }

    /** A message that was not recorded takes its raw bytes back with it: a sender retries with a new copy. */
    @Override
    public void release(ReceiveEmailCommand command, boolean committed) {
        Reception reception = prepared.remove(command.emailId());
        if (!committed && reception != null && reception.keepsCopy()) {
            storage.discardRaw(command.emailId(), command.accountId());
        }
    }

    @CommandHandler
    EmailId handle(ReceiveEmailCommand command, Clock clock) throws Exception {
        // Prepared: decided, and the kept copy's bytes stored. Not (sent from a saga, a fixture): both now.
        Reception wasPrepared = prepared.get(command.emailId());
        Reception reception = wasPrepared != null ? wasPrepared : decide(command);
        if (reception.keepsCopy()) {
            if (wasPrepared == null) {
                storage.storeRaw(command.emailId(), command.accountId(), command.raw());
            }
            keepStored(command.emailId(), command.accountId(), command.mailboxId(), command.raw().length,
                    command.headers(), clock);
        }
        if (reception.forward().isPresent()) {
            var forward = reception.forward().get();
            boolean copyKept = !forward.only();
            EmailId copy = copyKept ? EmailId.random() : command.emailId();
            // The trace line goes on top of the received bytes as they are encrypted: they are not copied.
            BlobSource stamped = BlobSource.of(trace.line(command.mailboxId(), command.raw()),
                    BlobSource.of(command.raw()));
            // No thread and no storage count: the copy is in no folder and goes once the forward is settled.
            blobs.store(DataSubject.email(copy, command.accountId()), BlobKey.email(command.accountId(), copy.value()),
                    stamped);
            EmailForwardQueuedEvent queued = new EmailForwardQueuedEvent(copy, command.accountId(),
                    command.mailboxId(), stamped.length(), command.headers(), List.of(forward.to()), copyKept,
                    clock.instant());
            emails.newInstance(() -> new Email(queued));
        }
        return command.emailId();
    }

    private Reception decide(ReceiveEmailCommand command) {
        return new Reception(forwarding.of(command.mailboxId())
                .filter(settings -> !trace.isLoop(command.mailboxId(), command.raw())));
    }

    /** The message in the mailbox's INBOX, where its owner sees it. */
    void keep(EmailId email, AccountId account, MailboxId mailbox, byte[] raw, EmailHeaders headers, Clock clock)
            throws Exception {
        storage.storeRaw(email, account, raw);
        keepStored(email, account, mailbox, raw.length, headers, clock);
    }

    private void keepStored(EmailId email, AccountId account, MailboxId mailbox, long size, EmailHeaders headers,
                            Clock clock) throws Exception {
        UUID thread = storage.record(email, account, mailbox, size, headers);
        EmailReceivedEvent received = new EmailReceivedEvent(email, account, mailbox, Folder.INBOX, thread,
                size, headers, clock.instant());
        emails.newInstance(() -> new Email(received));
    }

    /** What becomes of a received message: where it is forwarded, if anywhere, and whether the mailbox keeps a copy. */
    private record Reception(Optional<ForwardingSettings.Forwarding> forward) {

        boolean keepsCopy() {
            return forward.isEmpty() || !forward.get().only();
        }
    }
}
