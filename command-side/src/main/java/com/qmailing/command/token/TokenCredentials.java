package com.qmailing.command.token;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.Scope;
import com.qmailing.events.token.FindTokenCredentialsQuery;
import com.qmailing.events.token.IssueApiTokenCommand;
import com.qmailing.events.token.TokenCredentialsView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The bcrypt verifiers of the tokens, read by every authenticated request. It lives on the
 * command side because it must be exactly as current as the last command: a revocation or a plan
 * change answers the very next request, which an eventually consistent projection cannot promise.
 */
@Component
class TokenCredentials {

    private final JdbcTemplate jdbc;

    TokenCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void store(IssueApiTokenCommand command) {
        String[] scopes = Scope.toWires(command.scopes());
        int inserted = jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into api_token_credentials "
                    + "(token_id, account_id, lookup_key, bcrypt_hash, scopes, expires_at) values (?, ?, ?, ?, ?, ?) "
                    + "on conflict do nothing");
            statement.setObject(1, command.tokenId().value());
            statement.setObject(2, command.accountId().value());
            statement.setString(3, command.verifier().lookupKey());
            statement.setString(4, command.verifier().bcryptHash());
            statement.setArray(5, connection.createArrayOf("text", scopes));
            statement.setTimestamp(6, command.expiresAt() == null ? null : Timestamp.from(command.expiresAt()));
            return statement;
        });
        if (inserted == 0) {
            // A lookup-key collision among 62^8 keys: the caller makes a new secret and tries again.
            throw new BusinessRuleException(ErrorCode.CONFLICT, "token could not be stored, issue it again");
        }
    }

    void revoke(ApiTokenId token, Instant at) {
        jdbc.update("update api_token_credentials set revoked_at = ? where token_id = ? and revoked_at is null",
                Timestamp.from(at), token.value());
    }

    void deleteAllOf(AccountId account) {
        jdbc.update("delete from api_token_credentials where account_id = ?", account.value());
    }

    @QueryHandler
    Optional<TokenCredentialsView> handle(FindTokenCredentialsQuery query) {
        return jdbc.query("select c.token_id, c.account_id, c.bcrypt_hash, c.scopes, c.expires_at, "
                        + "c.revoked_at is null and a.active as usable, "
                        + "c.revoked_at is null and not a.active as deletion_pending, a.plan "
                        + "from api_token_credentials c join account_registry a on a.account_id = c.account_id "
                        + "where c.lookup_key = ?",
                (rs, row) -> new TokenCredentialsView(
                        new ApiTokenId(rs.getObject(1, UUID.class)),
                        new AccountId(rs.getObject(2, UUID.class)),
                        rs.getString(3),
                        Scope.fromWires((String[]) rs.getArray(4).getArray()),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getBoolean(6),
                        rs.getBoolean(7),
                        Plan.valueOf(rs.getString(8))),
                query.lookupKey()).stream().findFirst();
    }

}
