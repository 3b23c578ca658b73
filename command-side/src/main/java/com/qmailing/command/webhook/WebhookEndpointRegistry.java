package com.qmailing.command.webhook;

import com.qmailing.command.config.TransactionMemo;
import com.qmailing.command.crypto.Aead;
import com.qmailing.command.crypto.CryptoException;
import com.qmailing.command.crypto.FieldCipher;
import com.qmailing.command.crypto.KeyVault;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.WebhookEndpointId;
import com.qmailing.events.webhook.WebhookEventType;
import com.qmailing.events.webhook.WebhookSigningSecret;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The endpoints that are not revoked, as delivery needs them. It lives on the command side
 * because a revocation must stop deliveries from the very next event on, and because the secret
 * must be readable again (unlike a token's, which only needs verifying): encrypted under the
 * account's key, so purging the account shreds it.
 */
@Component
class WebhookEndpointRegistry {

    private final JdbcTemplate jdbc;
    private final KeyVault vault;
    private final FieldCipher cipher;
    /**
     * The dispatch processor asks for every event of its batch, mostly of a few accounts with no
     * endpoint at all; its batch's events were committed before it began, so one answer serves them all.
     */
    private final TransactionMemo<Subscription, List<WebhookEndpointId>> subscribers =
            new TransactionMemo<>(this::lookUpSubscribers);

    WebhookEndpointRegistry(JdbcTemplate jdbc, KeyVault vault, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.cipher = cipher;
    }

    /** Endpoints that count against the plan: every one not revoked, disabled ones too. */
    int countOf(AccountId account) {
        Integer count = jdbc.queryForObject("select count(*) from webhook_endpoints where account_id = ?",
                Integer.class, account.value());
        return count == null ? 0 : count;
    }

    void store(WebhookEndpointId endpoint, AccountId account, String url, Set<WebhookEventType> events,
               WebhookSigningSecret secret) {
        DataSubject subject = DataSubject.account(account);
        String sealedUrl = cipher.seal(subject, url.getBytes(StandardCharsets.UTF_8));
        byte[] sealedSecret = Aead.encrypt(vault.keyFor(subject), secret.plaintext().getBytes(StandardCharsets.UTF_8),
                Aead.scopeBinding(endpoint.value()));
        String[] wires = WebhookEventType.toWires(events);
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into webhook_endpoints "
                    + "(endpoint_id, account_id, events, sealed_url, sealed_secret) values (?, ?, ?, ?, ?)");
            statement.setObject(1, endpoint.value());
            statement.setObject(2, account.value());
            statement.setArray(3, connection.createArrayOf("text", wires));
            statement.setString(4, sealedUrl);
            statement.setBytes(5, sealedSecret);
            return statement;
        });
    }

    /** The enabled endpoints of the account that take events of this type. */
    List<WebhookEndpointId> subscribedTo(AccountId account, WebhookEventType type) {
        return subscribers.get(new Subscription(account, type));
    }

    private List<WebhookEndpointId> lookUpSubscribers(Subscription subscription) {
        AccountId account = subscription.account();
        WebhookEventType type = subscription.type();
        return jdbc.queryForList("select endpoint_id from webhook_endpoints where account_id = ? and enabled "
                                + "and (? = any(events) or ? = any(events)) order by endpoint_id", UUID.class,
                        account.value(), type.wire(), WebhookEventType.ALL.wire())
                .stream().map(WebhookEndpointId::new).toList();
    }

    /** The endpoint's URL and secret, or empty once it is revoked, disabled or its account shredded. */
    Optional<WebhookTarget> target(WebhookEndpointId endpoint) {
        return jdbc.query("select account_id, sealed_url, sealed_secret from webhook_endpoints "
                                + "where endpoint_id = ? and enabled",
                        (rs, row) -> open(endpoint, rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)),
                        endpoint.value())
                .stream().flatMap(Optional::stream).findFirst();
    }

    void remove(WebhookEndpointId endpoint) {
        jdbc.update("delete from webhook_endpoints where endpoint_id = ?", endpoint.value());
    }

    void disable(WebhookEndpointId endpoint) {
        jdbc.update("update webhook_endpoints set enabled = false where endpoint_id = ?", endpoint.value());
    }

    private Optional<WebhookTarget> open(WebhookEndpointId endpoint, UUID account, String sealedUrl,
                                         byte[] sealedSecret) {
        Optional<SecretKey> key = vault.find(account);
        Optional<byte[]> url = cipher.open(sealedUrl);
        if (key.isEmpty() || url.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] secret = Aead.decrypt(key.get(), sealedSecret, Aead.scopeBinding(endpoint.value()));
            return Optional.of(new WebhookTarget(new String(url.get(), StandardCharsets.UTF_8),
                    new String(secret, StandardCharsets.UTF_8)));
        } catch (CryptoException e) {
            return Optional.empty();
        }
    }

    private record Subscription(AccountId account, WebhookEventType type) {
    }
}
