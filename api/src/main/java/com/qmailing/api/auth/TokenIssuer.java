package com.qmailing.api.auth;

import com.qmailing.api.core.Gateways;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.Scope;
import com.qmailing.events.token.ApiTokenView;
import com.qmailing.events.token.IssueApiTokenCommand;
import com.qmailing.events.token.ListApiTokensQuery;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Issues tokens for the account API, the admin API and the bootstrap. The plaintext exists only
 * here and in the one response that shows it.
 */
@Component
public class TokenIssuer {

    private final Gateways gateways;

    public TokenIssuer(Gateways gateways) {
        this.gateways = gateways;
    }

    public IssuedTokenResponse issue(AccountId account, String label, List<String> scopes, Instant expiresAt) {
        Set<Scope> parsed;
        try {
            parsed = Scope.parseAll(scopes == null ? List.of() : scopes);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("scopes", e.getMessage());
        }
        return issue(account, label, parsed, expiresAt, ApiTokens.generate());
    }

    /** @param plaintext a token made by {@link ApiTokens#generate()} or given by the operator */
    public IssuedTokenResponse issue(AccountId account, String label, Set<Scope> scopes, Instant expiresAt,
                                     String plaintext) {
        ApiTokenId tokenId = ApiTokenId.random();
        gateways.sendAndSettle(new IssueApiTokenCommand(tokenId, account, label, scopes,
                ApiTokens.verifierOf(plaintext), expiresAt), tokenId);
        ApiTokenView view = gateways.list(new ListApiTokensQuery(account), ApiTokenView.class).stream()
                .filter(token -> token.id().equals(tokenId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("issued token not projected"));
        return IssuedTokenResponse.of(view, plaintext);
    }
}
