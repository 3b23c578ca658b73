package com.qmailing.command.email;

import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.BlobSource;
import com.qmailing.command.blob.EncryptedBlobs;
import com.qmailing.command.mailbox.AddressRegistry;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailHeaders;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The steps every stored message takes, received or sent, before its event: the raw bytes first,
 * durable and encrypted under the email's own key, then its thread and its mailbox's storage count
 * in the caller's transaction. If the event cannot be committed the blob stays behind unreferenced,
 * which loses nothing; the reverse order could reference bytes that were never written.
 */
@Component
class MessageStorage {

    private final EncryptedBlobs blobs;
    private final ThreadRegistry threads;
    private final AddressRegistry addresses;

    MessageStorage(EncryptedBlobs blobs, ThreadRegistry threads, AddressRegistry addresses) {
        this.blobs = blobs;
        this.threads = threads;
        this.addresses = addresses;
    }

    /** @return the thread the message joins */
    UUID store(EmailId email, AccountId account, MailboxId mailbox, byte[] raw, EmailHeaders headers) {
        storeRaw(email, account, raw);
        return record(email, account, mailbox, raw.length, headers);
    }

    /** The first step alone: it needs no transaction, so a grouped command takes it before its group's. */
    void storeRaw(EmailId email, AccountId account, byte[] raw) {
        blobs.store(DataSubject.email(email, account), BlobKey.email(account, email.value()), BlobSource.of(raw));
    }

    /** Undoes {@link #storeRaw} for a message whose event was never committed, key and all. */
    void discardRaw(EmailId email, AccountId account) {
        blobs.discard(DataSubject.email(email, account), BlobKey.email(account, email.value()));
    }

    /** The rest, once the raw bytes are stored. @return the thread the message joins */
    UUID record(EmailId email, AccountId account, MailboxId mailbox, long size, EmailHeaders headers) {
        UUID thread = threads.threadFor(account, email, headers.messageId(), headers.inReplyTo(),
                headers.references());
        addresses.addStorage(mailbox, size);
        return thread;
    }
}
