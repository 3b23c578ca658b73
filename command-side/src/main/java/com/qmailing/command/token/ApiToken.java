package com.qmailing.command.token;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.token.ApiTokenIssuedEvent;
import com.qmailing.events.token.ApiTokenRevokedEvent;
import com.qmailing.events.token.IssueApiTokenCommand;
import com.qmailing.events.token.RevokeApiTokenCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class ApiToken {

    @AggregateIdentifier
    private ApiTokenId id;
    private AccountId owner;
    private boolean revoked;

    protected ApiToken() {
        // for Axon
    }

    /** Created by {@link TokenIssuance} once its verifier is stored. */
    ApiToken(IssueApiTokenCommand command, Instant now) {
        apply(new ApiTokenIssuedEvent(command.tokenId(), command.accountId(), command.label(), command.scopes(),
                command.verifier().displayPrefix(), command.expiresAt(), now));
    }

    @CommandHandler
    void handle(RevokeApiTokenCommand command, Clock clock) {
        if (!owner.equals(command.accountId())) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "token not found");
        }
        if (!revoked) {
            apply(new ApiTokenRevokedEvent(id, owner, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(ApiTokenIssuedEvent event) {
        id = event.tokenId();
        owner = event.accountId();
    }

    @EventSourcingHandler
    void on(ApiTokenRevokedEvent event) {
        revoked = true;
    }
}
