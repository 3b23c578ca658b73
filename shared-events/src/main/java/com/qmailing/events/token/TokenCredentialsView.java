package com.qmailing.events.token;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.Scope;

import java.time.Instant;
import java.util.Set;

/**
 * Everything a request check needs about one token, as of now.
 *
 * @param usable                 false once the token is revoked or its account's deletion requested
 * @param accountDeletionPending  the token is not revoked, but its account's deletion is pending: it may
 *                                still cancel the deletion, and nothing else
 */
public record TokenCredentialsView(ApiTokenId tokenId, AccountId accountId, String bcryptHash, Set<Scope> scopes,
                                   Instant expiresAt, boolean usable, boolean accountDeletionPending, Plan plan) {

    @Override
    public String toString() {
        return "TokenCredentialsView[" + tokenId + "]";
    }
}
