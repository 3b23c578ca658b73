package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A message was stored for a mailbox. The raw bytes are in the blob store under the email's
 * key; {@code threadId} groups it with the messages it replies to.
 */
@Revision("1")
public record EmailReceivedEvent(EmailId emailId, AccountId accountId, MailboxId mailboxId, Folder folder,
                                 UUID threadId, long sizeBytes, @PersonalData EmailHeaders headers,
                                 Instant receivedAt) implements HasPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.email(emailId, accountId);
    }
}
