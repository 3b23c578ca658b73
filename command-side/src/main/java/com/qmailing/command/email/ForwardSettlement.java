package com.qmailing.command.email;

import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.EncryptedBlobs;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.email.SettleForwardCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Ends a forward in one transaction: the forward copy is purged (blob and key with it), and a
 * bounced forward of a {@code forwardOnly} mailbox is kept in its INBOX first, so the only copy
 * of an accepted message never goes without having reached someone.
 */
@Component
class ForwardSettlement {

    private final Repository<Email> emails;
    private final EncryptedBlobs blobs;
    private final EmailReception reception;

    ForwardSettlement(@Lazy Repository<Email> emails, EncryptedBlobs blobs, EmailReception reception) {
        this.emails = emails;
        this.blobs = blobs;
        this.reception = reception;
    }

    @CommandHandler
    void handle(SettleForwardCommand command, Clock clock) throws Exception {
        var copy = emails.load(command.emailId().toString());
        // Read before the purge, whose follow-ups delete the blob in this same transaction.
        byte[] raw = blobs.read(DataSubject.email(command.emailId(), command.accountId()),
                BlobKey.email(command.accountId(), command.emailId().value())).orElse(null);
        var keep = copy.invoke(email -> email.settleForward(command.accountId(), clock.instant()));
        if (keep.isPresent() && raw != null) {
            reception.keep(EmailId.random(), command.accountId(), keep.get().mailbox(), raw, keep.get().headers(),
                    clock);
        }
    }
}
