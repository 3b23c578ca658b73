package com.qmailing.app.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoints of the public API on the default configuration, where private addresses
 * are refused. The registered URLs are literal addresses of TEST-NET-3 (203.0.113.0/24): public,
 * resolvable without DNS, and never delivered to here, since these accounts receive no mail.
 */
class WebhookApiTest extends IntegrationTest {

    private static final String WEBHOOKS = "/api/v1/pub/webhooks";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registeringShowsTheSecretOnceAndListsTheEndpoint() {
        Api.Client owner = admin().newAccount("PRO");
        String url = "https://203.0.113.7/hooks/" + UUID.randomUUID();

        JsonNode registered = owner.post(WEBHOOKS, Map.of("url", url, "label", "Support desk",
                "events", List.of("email.received", "email.bounced"))).expect(201).json();

        String plaintext = registered.get("plaintext").asText();
        assertThat(plaintext).matches("whsec_[A-Za-z0-9]{32}");
        JsonNode endpoint = registered.get("endpoint");
        assertThat(endpoint.fieldNames()).toIterable().containsExactly("id", "url", "label", "secretPrefix", "events",
                "enabled", "lastDeliveredAt", "lastStatus", "lastError", "revokedAt", "createdAt", "active");
        assertThat(endpoint.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(endpoint.get("url").asText()).isEqualTo(url);
        assertThat(endpoint.get("label").asText()).isEqualTo("Support desk");
        assertThat(endpoint.get("secretPrefix").asText()).isEqualTo(plaintext.substring(0, 10));
        assertThat(endpoint.get("events")).extracting(JsonNode::asText)
                .containsExactly("email.received", "email.bounced");
        assertThat(endpoint.get("enabled").asBoolean()).isTrue();
        assertThat(endpoint.get("active").asBoolean()).isTrue();
        for (String unset : List.of("lastDeliveredAt", "lastStatus", "lastError", "revokedAt")) {
            assertThat(endpoint.get(unset).isNull()).as(unset).isTrue();
        }
        assertThat(endpoint.get("createdAt").asText()).endsWith("Z");

        Api.Response listed = owner.get(WEBHOOKS).expect(200);
        assertThat(listed.json()).containsExactly(endpoint);
        assertThat(listed.body()).doesNotContain(plaintext.substring(10)).doesNotContain("plaintext");
    }

    @Test
    void starSubscribesToEverythingAndStandsAlone() {
        Api.Client owner = admin().newAccount("PRO");

        JsonNode endpoint = owner.post(WEBHOOKS, Map.of("url", publicUrl(), "events", List.of("email.sent", "*")))
                .expect(201).json().get("endpoint");

        assertThat(endpoint.get("events")).extracting(JsonNode::asText).containsExactly("*");
        assertThat(endpoint.get("label").isNull()).isTrue();
    }

    @Test
    void deletingRevokesTheEndpointAndIsIdempotent() {
        Api.Client owner = admin().newAccount("PRO");
        String id = register(owner).get("id").asText();

        owner.delete(WEBHOOKS + "/" + id).expect(204);
        owner.delete(WEBHOOKS + "/" + id).expect(204);

        JsonNode revoked = owner.get(WEBHOOKS).expect(200).json().get(0);
        assertThat(revoked.get("id").asText()).isEqualTo(id);
        assertThat(revoked.get("active").asBoolean()).isFalse();
        assertThat(revoked.get("revokedAt").asText()).endsWith("Z");
    }

    @Test
    void anotherAccountsOrAnUnknownEndpointIsNotFound() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Client stranger = admin().newAccount("PRO");
        String id = register(owner).get("id").asText();

        for (String missing : List.of(id, UUID.randomUUID().toString(), "not-a-uuid")) {
            Api.Response refused = stranger.delete(WEBHOOKS + "/" + missing);
            assertThat(refused.status()).as(missing).isEqualTo(404);
            assertThat(refused.json().get("code").asText()).isEqualTo("NotFound");
        }
        assertThat(stranger.get(WEBHOOKS).expect(200).json()).isEmpty();
        assertThat(owner.get(WEBHOOKS).json().get(0).get("active").asBoolean()).isTrue();
    }

    @Test
    void eachCallNeedsItsWebhookScopeAndManageGrantsBoth() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Client reader = withScopes(owner, "webhooks:read");
        Api.Client mailboxes = withScopes(owner, "mailboxes:read", "mailboxes:write");
        Api.Client manager = withScopes(owner, "webhooks:manage");
        String id = register(owner).get("id").asText();
        Map<String, Object> body = Map.of("url", publicUrl(), "events", List.of("*"));

        expectScopeRefused(reader.post(WEBHOOKS, body), "webhooks:write");
        expectScopeRefused(reader.delete(WEBHOOKS + "/" + id), "webhooks:write");
        expectScopeRefused(mailboxes.get(WEBHOOKS), "webhooks:read");
        reader.get(WEBHOOKS).expect(200);

        manager.post(WEBHOOKS, body).expect(201);
        manager.delete(WEBHOOKS + "/" + id).expect(204);
        assertThat(manager.get(WEBHOOKS).expect(200).json()).hasSize(2);
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        Api.Client owner = admin().newAccount("PRO");
        Map<String, String> refusals = new HashMap<>();
        refusals.put(json(null, List.of("*")), "url: must not be empty");
        refusals.put(json("ftp://203.0.113.7/hook", List.of("*")), "url: must be an http or https URL");
        refusals.put(json("not a url", List.of("*")), "url: not a valid URL");
        refusals.put(json("https://user:secret@203.0.113.7/hook", List.of("*")), "url: must not contain credentials");
        refusals.put(json(publicUrl(), List.of()), "events: at least one event type");
        refusals.put(json(publicUrl(), List.of("email.opened")), "events: unknown event type 'email.opened'; known: "
                + "email.received, email.sent, email.bounced, domain.verified or *");
        refusals.put(Api.json(Map.of("url", publicUrl(), "label", "x".repeat(101), "events", List.of("*"))),
                "label: at most 100 characters");

        refusals.forEach((body, detail) -> {
            Api.Response refused = owner.send("POST", WEBHOOKS, body, "application/json");
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("ValidationFailed");
            assertThat(refused.json().get("detail").asText()).as(body).isEqualTo(detail);
        });
        assertThat(owner.get(WEBHOOKS).json()).isEmpty();
    }

    /** The default configuration: QMAILING_WEBHOOKS_ALLOW_PRIVATE is false. */
    @Test
    void loopbackPrivateAndMetadataAddressesAreRefused() {
        Api.Client owner = admin().newAccount("PRO");
        Map<String, String> refusals = Map.of(
                "http://127.0.0.1:8080/hook", "loopback",
                "http://localhost/hook", "loopback",
                "http://169.254.169.254/latest/meta-data/", "link-local",
                "http://[fd00:ec2::254]/", "private",
                "http://10.1.2.3/hook", "private",
                "http://[::ffff:127.0.0.1]/hook", "loopback");

        refusals.forEach((url, kind) -> {
            Api.Response refused = owner.post(WEBHOOKS, Map.of("url", url, "events", List.of("*")));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().get("detail").asText()).as(url)
                    .isEqualTo("url: the host resolves to a " + kind + " address; webhooks reach public addresses only");
        });
        assertThat(owner.get(WEBHOOKS).json()).isEmpty();
    }

    @Test
    void thePlanLimitsActiveEndpointsAndARevokedOneFreesItsPlace() {
        Api.Client owner = admin().newAccount("PLUS");
        List<String> ids = List.of(register(owner).get("id").asText(), register(owner).get("id").asText(),
                register(owner).get("id").asText());

        Api.Response refused = owner.post(WEBHOOKS, Map.of("url", publicUrl(), "events", List.of("*")));

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.json().get("code").asText()).isEqualTo("WebhookEndpointQuotaExceeded");
        assertThat(refused.json().get("detail").asText()).isEqualTo("the PLUS plan allows 3 webhook endpoints");
        owner.delete(WEBHOOKS + "/" + ids.get(1)).expect(204);
        register(owner);
        assertThat(owner.get(WEBHOOKS).json()).hasSize(4);
    }

    @Test
    void theSecretAndTheUrlAreNeverStoredInClear() {
        Api.Client owner = admin().newAccount("PRO");
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JsonNode registered = owner.post(WEBHOOKS, Map.of("url", "https://203.0.113.7/" + marker,
                "label", "label " + marker, "events", List.of("*"))).expect(201).json();
        String secret = registered.get("plaintext").asText().substring(10);

        String events = String.join("\n", jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry", String.class));
        assertThat(events).doesNotContain(marker).doesNotContain(secret);
        for (String table : List.of("webhook_endpoints", "webhook_endpoint_view")) {
            String dump = String.join("\n", jdbc.queryForList("select cast(t.* as text) from " + table + " t",
                    String.class));
            assertThat(dump).as(table).doesNotContain(secret);
        }
        assertThat(String.join("\n", jdbc.queryForList("select cast(t.* as text) from webhook_endpoints t",
                String.class))).doesNotContain(marker);
    }

    private static JsonNode register(Api.Client owner) {
        return owner.post(WEBHOOKS, Map.of("url", publicUrl(), "events", List.of("email.received")))
                .expect(201).json().get("endpoint");
    }

    private static String publicUrl() {
        return "https://203.0.113.7/hooks/" + UUID.randomUUID();
    }

    private static String json(String url, List<String> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events);
        return Api.json(body);
    }

    private Api.Client withScopes(Api.Client owner, String... scopes) {
        return api().as(owner.post("/api/v1/account/tokens", Map.of("label", "narrow", "scopes", List.of(scopes)))
                .expect(201).json().get("plaintext").asText());
    }

    private static void expectScopeRefused(Api.Response response, String scope) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("InsufficientScope");
        assertThat(response.json().get("requiredScopes")).extracting(JsonNode::asText).containsExactly(scope);
    }
}
