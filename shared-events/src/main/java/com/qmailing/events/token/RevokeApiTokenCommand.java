package com.qmailing.events.token;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a token of the account; revoking a revoked token changes nothing. */
public record RevokeApiTokenCommand(@TargetAggregateIdentifier ApiTokenId tokenId, AccountId accountId) {
}
