package com.qmailing.api.auth;

import com.qmailing.events.common.Scope;
import com.qmailing.events.token.ApiTokenView;

import java.time.Instant;
import java.util.List;

/** The one response that carries a token's plaintext. */
public record IssuedTokenResponse(String id, String label, List<String> scopes, String prefix, Instant createdAt,
                                  Instant expiresAt, String plaintext) {

    static IssuedTokenResponse of(ApiTokenView view, String plaintext) {
        return new IssuedTokenResponse(view.id().toString(), view.label(),
                List.of(Scope.toWires(view.scopes())), view.prefix(), view.createdAt(), view.expiresAt(), plaintext);
    }

    @Override
    public String toString() {
        return "IssuedTokenResponse[" + id + ", " + prefix + "…]";
    }
}
