package com.qmailing.events.token;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.Scope;

import java.time.Instant;
import java.util.Set;

public record ApiTokenView(ApiTokenId id, AccountId accountId, String label, Set<Scope> scopes, String prefix,
                           Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
}
