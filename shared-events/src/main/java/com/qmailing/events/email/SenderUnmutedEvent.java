package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record SenderUnmutedEvent(AccountId accountId, @PersonalData MutedSender sender, Instant unmutedAt)
        implements HasPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.account(accountId);
    }
}
