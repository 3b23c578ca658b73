package com.qmailing.api.account;

import com.qmailing.events.common.Scope;
import com.qmailing.events.token.ApiTokenView;

import java.time.Instant;
import java.util.List;

/** A token in a list: metadata and its display prefix, never the secret. */
public record TokenResponse(String id, String label, List<String> scopes, String prefix, Instant createdAt,
                            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    static TokenResponse of(ApiTokenView view) {
        return new TokenResponse(view.id().toString(), view.label(), List.of(Scope.toWires(view.scopes())),
                view.prefix(), view.createdAt(), view.expiresAt(), view.lastUsedAt(), view.revokedAt());
    }
}
