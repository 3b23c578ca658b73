package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.common.PersonalData;
import com.qmailing.events.common.Plan;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record AccountCreatedEvent(AccountId accountId, @PersonalData EmailAddress email, @PersonalData String name,
                                  Plan plan, Instant createdAt) implements HasPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.account(accountId);
    }
}
