package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record MailboxCreatedEvent(MailboxId mailboxId, AccountId accountId, @PersonalData EmailAddress address,
                                  @PersonalData String displayName, @PersonalData EmailAddress forwardTo,
                                  boolean forwardOnly, Instant createdAt) implements HasPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.mailbox(mailboxId, accountId);
    }
}
