package com.qmailing.query.webhook;

import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;
import com.qmailing.events.webhook.ListWebhookEndpointsQuery;
import com.qmailing.events.webhook.WebhookDeliveryFailedEvent;
import com.qmailing.events.webhook.WebhookDeliverySucceededEvent;
import com.qmailing.events.webhook.WebhookEndpointDisabledEvent;
import com.qmailing.events.webhook.WebhookEndpointRegisteredEvent;
import com.qmailing.events.webhook.WebhookEndpointRevokedEvent;
import com.qmailing.events.webhook.WebhookEndpointView;
import com.qmailing.events.webhook.WebhookEventType;
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

/**
 * Endpoints with the outcome of their latest attempt. Attempts of different deliveries arrive in
 * the order the endpoint recorded them, so the last event is the latest attempt.
 */
@Component
@ProcessingGroup(ProjectionGroups.WEBHOOKS)
class WebhookEndpointProjection {

    private final JdbcTemplate jdbc;

    WebhookEndpointProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replay-safe: a purged account's rows go again when its purge is replayed. */
    @EventHandler
    void on(AccountPurgedEvent event) {
        jdbc.update("delete from webhook_endpoint_view where account_id = ?", event.accountId().value());
    }

    @EventHandler
    void on(WebhookEndpointRegisteredEvent event) {
        String[] events = WebhookEventType.toWires(event.events());
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into webhook_endpoint_view "
                    + "(endpoint_id, account_id, url, label, secret_prefix, events, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?) on conflict (endpoint_id) do nothing");
            statement.setObject(1, event.endpointId().value());
            statement.setObject(2, event.accountId().value());
            statement.setString(3, event.url());
            statement.setString(4, event.label());
            statement.setString(5, event.secretPrefix());
            statement.setArray(6, connection.createArrayOf("text", events));
            statement.setTimestamp(7, timestamp(event.registeredAt()));
            return statement;
        });
    }

    @EventHandler
    void on(WebhookDeliverySucceededEvent event) {
        jdbc.update("update webhook_endpoint_view set last_delivered_at = ?, last_status = ?, last_error = null "
                + "where endpoint_id = ?", timestamp(event.deliveredAt()), event.status(), event.endpointId().value());
    }

    @EventHandler
    void on(WebhookDeliveryFailedEvent event) {
        jdbc.update("update webhook_endpoint_view set last_status = ?, last_error = ? where endpoint_id = ?",
                event.status(), event.error(), event.endpointId().value());
    }

    @EventHandler
    void on(WebhookEndpointDisabledEvent event) {
        jdbc.update("update webhook_endpoint_view set enabled = false where endpoint_id = ?",
                event.endpointId().value());
    }

    @EventHandler
    void on(WebhookEndpointRevokedEvent event) {
        jdbc.update("update webhook_endpoint_view set revoked_at = ? where endpoint_id = ?",
                timestamp(event.revokedAt()), event.endpointId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate webhook_endpoint_view");
    }

    @QueryHandler
    List<WebhookEndpointView> handle(ListWebhookEndpointsQuery query) {
        return jdbc.query("select * from webhook_endpoint_view where account_id = ? "
                        + "order by created_at desc, endpoint_id",
                (rs, row) -> new WebhookEndpointView(new WebhookEndpointId(uuid(rs, "endpoint_id")),
                        new AccountId(uuid(rs, "account_id")), rs.getString("url"), rs.getString("label"),
                        rs.getString("secret_prefix"),
                        WebhookEventType.fromWires((String[]) rs.getArray("events").getArray()),
                        rs.getBoolean("enabled"), instant(rs, "last_delivered_at"),
                        rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                        instant(rs, "revoked_at"), instant(rs, "created_at")),
                query.accountId().value());
    }
}
