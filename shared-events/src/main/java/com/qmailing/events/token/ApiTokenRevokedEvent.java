package com.qmailing.events.token;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ApiTokenRevokedEvent(ApiTokenId tokenId, AccountId accountId, Instant revokedAt) {
}
