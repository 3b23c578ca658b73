package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A composed message was stored in the sender's SENT folder; delivery to its recipients starts now. */
@Revision("1")
public record EmailSentEvent(EmailId emailId, AccountId accountId, MailboxId mailboxId, UUID threadId,
                             long sizeBytes, @PersonalData EmailHeaders headers,
                             @PersonalData List<EmailAddress> recipients, Instant sentAt) implements HasPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.email(emailId, accountId);
    }
}
