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

/** Attempt number {@code attempt} at the recipients still waiting for delivery. */
@Revision("1")
public record EmailDeliveryRetriedEvent(EmailId emailId, AccountId accountId, MailboxId mailboxId,
                                        @PersonalData List<EmailAddress> recipients, int attempt, Instant retriedAt)
        implements HasPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.email(emailId, accountId);
    }
}
