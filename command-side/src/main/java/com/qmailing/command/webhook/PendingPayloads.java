package com.qmailing.command.webhook;

import com.qmailing.command.crypto.FieldCipher;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.WebhookEndpointId;
import com.qmailing.events.webhook.WebhookEventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The payloads of deliveries under way. Made once, so every retry POSTs the same bytes; kept
 * sealed under the key of what they tell about, and deleted when their delivery ends.
 */
@Component
class PendingPayloads {

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;

    PendingPayloads(JdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void store(UUID delivery, WebhookEndpointId endpoint, AccountId account, WebhookEventType type,
               DataSubject subject, byte[] body) {
        jdbc.update("insert into webhook_payloads (delivery_id, endpoint_id, account_id, type, sealed_payload) "
                        + "values (?, ?, ?, ?, ?) on conflict (delivery_id) do nothing",
                delivery, endpoint.value(), account.value(), type.wire(), cipher.seal(subject, body));
    }

    /** @return the payload, or empty once its delivery ended or its key was shredded */
    Optional<PendingPayload> find(UUID delivery) {
        return jdbc.query("select type, sealed_payload from webhook_payloads where delivery_id = ?",
                        (rs, row) -> {
                            WebhookEventType type = WebhookEventType.fromWire(rs.getString(1));
                            return cipher.open(rs.getString(2)).map(body -> new PendingPayload(type, body));
                        },
                        delivery)
                .stream().flatMap(Optional::stream).findFirst();
    }

    void delete(UUID delivery) {
        jdbc.update("delete from webhook_payloads where delivery_id = ?", delivery);
    }
}
