package com.qmailing.api.auth;

import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.Scope;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who is calling: the account and token behind an authenticated request. */
public record Caller(AccountId accountId, ApiTokenId tokenId, Set<Scope> scopes, Plan plan) {

    public boolean has(Scope scope) {
        return Scope.grants(scopes, scope);
    }

    /** The one scope refusal of the API, REST and MCP alike. @throws ApiProblem 403 {@code InsufficientScope} */
    public void requireScope(Scope scope) {
        if (!has(scope)) {
            throw new ApiProblem(ErrorCode.INSUFFICIENT_SCOPE, "this token lacks the scope " + scope.wire(),
                    Map.of("requiredScopes", List.of(scope.wire())));
        }
    }
}
