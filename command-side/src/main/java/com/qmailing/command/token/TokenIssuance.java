package com.qmailing.command.token;

import com.qmailing.command.account.AccountRegistry;
import com.qmailing.command.config.LookupTables;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.token.ApiTokenRevokedEvent;
import com.qmailing.events.token.IssueApiTokenCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;

@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
class TokenIssuance {

    static final int MAX_LABEL_LENGTH = 100;

    private final Repository<ApiToken> tokens;
    private final TokenCredentials credentials;
    private final AccountRegistry accounts;

    TokenIssuance(@Lazy Repository<ApiToken> tokens, TokenCredentials credentials, AccountRegistry accounts) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.accounts = accounts;
    }

    @CommandHandler
    ApiTokenId handle(IssueApiTokenCommand command, Clock clock) throws Exception {
        if (!accounts.isActive(command.accountId())) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "account not found");
        }
        if (command.label() == null || command.label().isBlank() || command.label().length() > MAX_LABEL_LENGTH) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED, "label: 1-100 characters");
        }
        if (command.scopes() == null || command.scopes().isEmpty()) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED, "scopes: at least one scope");
        }
        if (command.expiresAt() != null && !command.expiresAt().isAfter(clock.instant())) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED, "expiresAt: must be in the future");
        }
        credentials.store(command);
        tokens.newInstance(() -> new ApiToken(command, clock.instant()));
        return command.tokenId();
    }

    @EventHandler
    void on(ApiTokenRevokedEvent event) {
        credentials.revoke(event.tokenId(), event.revokedAt());
    }

    /** A purged account's tokens are gone, hashes and all. */
    @EventHandler
    void on(AccountPurgedEvent event) {
        credentials.deleteAllOf(event.accountId());
    }
}
