package com.qmailing.query.token;

import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.Scope;
import com.qmailing.events.token.ApiTokenIssuedEvent;
import com.qmailing.events.token.ApiTokenRevokedEvent;
import com.qmailing.events.token.ApiTokenView;
import com.qmailing.events.token.ListApiTokensQuery;
import com.qmailing.query.support.ProjectionGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.qmailing.query.support.Rows.instant;
import static com.qmailing.query.support.Rows.timestamp;
import static com.qmailing.query.support.Rows.uuid;

/** Token metadata for the token list: never the secret or its hash. */
@Component
@ProcessingGroup(ProjectionGroups.TOKENS)
class ApiTokenProjection {

    private final JdbcTemplate jdbc;

    ApiTokenProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiTokenIssuedEvent event) {
        String[] scopes = Scope.toWires(event.scopes());
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into api_token_view "
                    + "(token_id, account_id, label, scopes, prefix, created_at, expires_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?) on conflict (token_id) do nothing");
            statement.setObject(1, event.tokenId().value());
            statement.setObject(2, event.accountId().value());
            statement.setString(3, event.label());
            statement.setArray(4, connection.createArrayOf("text", scopes));
            statement.setString(5, event.prefix());
            statement.setTimestamp(6, timestamp(event.issuedAt()));
            statement.setTimestamp(7, timestamp(event.expiresAt()));
            return statement;
        });
    }

    @EventHandler
    void on(ApiTokenRevokedEvent event) {
        jdbc.update("update api_token_view set revoked_at = ? where token_id = ?", timestamp(event.revokedAt()),
                event.tokenId().value());
    }

    /** The tokens and when they were last used: the request log's usage rows are keyed by token alone. */
    @EventHandler
    void on(AccountPurgedEvent event) {
        jdbc.update("delete from api_token_usage u using api_token_view t where u.token_id = t.token_id "
                + "and t.account_id = ?", event.accountId().value());
        jdbc.update("delete from api_token_view where account_id = ?", event.accountId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate api_token_view");
    }

    @QueryHandler
    List<ApiTokenView> handle(ListApiTokensQuery query) {
        return jdbc.query("select t.*, u.last_used_at from api_token_view t "
                        + "left join api_token_usage u on u.token_id = t.token_id "
                        + "where t.account_id = ? order by t.created_at desc, t.token_id",
                (rs, row) -> new ApiTokenView(new ApiTokenId(uuid(rs, "token_id")),
                        new AccountId(uuid(rs, "account_id")), rs.getString("label"), Scope.fromWires((String[]) rs.getArray("scopes").getArray()),
                        rs.getString("prefix"), instant(rs, "created_at"), instant(rs, "expires_at"),
                        instant(rs, "last_used_at"), instant(rs, "revoked_at")),
                query.accountId().value());
    }

}
