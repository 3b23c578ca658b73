package com.qmailing.events.token;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.Scope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/**
 * Issues a token. The caller made the secret and shows it once; only its {@link TokenVerifier}
 * travels, and that never reaches an event.
 */
public record IssueApiTokenCommand(@TargetAggregateIdentifier ApiTokenId tokenId, AccountId accountId, String label,
                                   Set<Scope> scopes, TokenVerifier verifier, Instant expiresAt) {
}
