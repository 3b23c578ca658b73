package com.qmailing.events.token;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.common.PersonalData;
import com.qmailing.events.common.Scope;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** A token was issued. Carries its display prefix, never its secret or hash. */
@Revision("1")
public record ApiTokenIssuedEvent(ApiTokenId tokenId, AccountId accountId, @PersonalData String label,
                                  Set<Scope> scopes, String prefix, Instant expiresAt, Instant issuedAt)
        implements HasPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.account(accountId);
    }
}
