package com.qmailing.api.auth;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.Scope;

import java.util.Set;

/** Who is calling: the account and token behind an authenticated request. */
public record Caller(AccountId accountId, ApiTokenId tokenId, Set<Scope> scopes, Plan plan) {

    public boolean has(Scope scope) {
        return Scope.grants(scopes, scope);
    }
}
