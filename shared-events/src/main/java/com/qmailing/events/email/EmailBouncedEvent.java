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

/** Delivery to these recipients failed for good; {@code reason} says why, for the sender. */
@Revision("1")
public record EmailBouncedEvent(EmailId emailId, AccountId accountId, MailboxId mailboxId,
                                @PersonalData List<EmailAddress> recipients, int attempt,
                                @PersonalData String reason, Instant bouncedAt) implements HasPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.email(emailId, accountId);
    }
}
