package com.qmailing.app.api;

import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The check order of the contract: 401 → 402 → 403 → 404, on every protected call. */
class AuthenticationTest extends IntegrationTest {

    @Test
    void missingTokenIsUnauthorizedWithBearerChallenge() {
        Api.Response response = api().anonymous().get("/api/v1/pub/mailboxes").expect(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void malformedGarbledAndUnknownTokensAreUnauthorized() {
        for (String token : List.of("abc", "qm_live_short", "qm_live_" + "x".repeat(31) + "!",
                "qm_live_" + "A".repeat(32), BOOTSTRAP_TOKEN.substring(0, 39) + "Z")) {
            assertThat(api().as(token).get("/api/v1/pub/mailboxes").status()).as(token).isEqualTo(401);
        }
    }

    @Test
    void revocationAppliesToTheVeryNextRequest() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Response issued = owner.post("/api/v1/account/tokens",
                Map.of("label", "short-lived", "scopes", List.of("mailboxes:read"))).expect(201);
        Api.Client reader = api().as(issued.json().get("plaintext").asText());
        reader.get("/api/v1/pub/mailboxes").expect(200);

        owner.delete("/api/v1/account/tokens/" + issued.json().get("id").asText()).expect(204);

        reader.get("/api/v1/pub/mailboxes").expect(401);
        assertThat(owner.get("/api/v1/account/tokens").json().findValues("revokedAt"))
                .anyMatch(value -> !value.isNull());
    }

    @Test
    void freePlanGetsPaymentRequiredOnThePublicApi() {
        Api.Client free = admin().newAccount("FREE");
        Api.Response refused = free.get("/api/v1/pub/mailboxes").expect(402);
        assertThat(refused.json().get("code").asText()).isEqualTo("PlanFeatureRequired");
    }

    @Test
    void planDowngradeAppliesToTheVeryNextRequest() {
        Api.Response account = admin().post("/api/v1/admin/accounts",
                Map.of("email", "downgrade-" + UUID.randomUUID() + "@example.com", "plan", "PRO")).expect(201);
        String id = account.json().get("id").asText();
        Api.Client owner = api().as(admin().post("/api/v1/admin/accounts/" + id + "/tokens",
                Map.of("label", "t", "scopes", List.of("*"))).expect(201).json().get("plaintext").asText());
        owner.get("/api/v1/pub/mailboxes").expect(200);

        admin().put("/api/v1/admin/accounts/" + id + "/plan", Map.of("plan", "FREE")).expect(200);

        owner.get("/api/v1/pub/mailboxes").expect(402);
    }

    @Test
    void everyPublicEndpointRefusesATokenWithoutItsScope() {
        Api.Client owner = admin().newAccount("PRO");
        String mailboxId = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "scoped-" + shortId()))
                .expect(201).json().get("id").asText();
        Api.Client webhooksOnly = api().as(owner.post("/api/v1/account/tokens",
                Map.of("label", "narrow", "scopes", List.of("webhooks:read"))).expect(201)
                .json().get("plaintext").asText());
        Map<String, String> required = Map.of(
                "GET /api/v1/pub/mailboxes", "mailboxes:read",
                "GET /api/v1/pub/mailboxes/" + mailboxId, "mailboxes:read",
                "POST /api/v1/pub/mailboxes", "mailboxes:write",
                "PATCH /api/v1/pub/mailboxes/" + mailboxId, "mailboxes:write",
                "GET /api/v1/pub/domains", "domains:read",
                "GET /api/v1/pub/domains/" + UUID.randomUUID() + "/dns-records", "domains:read",
                "GET /api/v1/account/tokens", "*",
                "GET /api/v1/account/usage", "*");
        required.forEach((call, scope) -> {
            String[] parts = call.split(" ");
            Api.Response response = webhooksOnly.send(parts[0], parts[1],
                    parts[0].equals("GET") ? null : "{}", parts[0].equals("GET") ? null : "application/json");
            assertThat(response.status()).as(call).isEqualTo(403);
            assertThat(response.json().get("code").asText()).as(call).isEqualTo("InsufficientScope");
            assertThat(response.json().get("requiredScopes").get(0).asText()).as(call).isEqualTo(scope);
        });
    }

    @Test
    void anotherAccountsMailboxIsNotFound() {
        Api.Client alice = admin().newAccount("PRO");
        Api.Client mallory = admin().newAccount("PRO");
        String mailboxId = alice.post("/api/v1/pub/mailboxes", Map.of("localPart", "private-" + shortId()))
                .expect(201).json().get("id").asText();

        assertThat(mallory.get("/api/v1/pub/mailboxes/" + mailboxId).expect(404).json().get("code").asText())
                .isEqualTo("NotFound");
        mallory.patch("/api/v1/pub/mailboxes/" + mailboxId, Map.of("displayName", "mine")).expect(404);
        assertThat(mallory.get("/api/v1/pub/mailboxes").json()).isEmpty();
        assertThat(alice.get("/api/v1/pub/mailboxes/" + mailboxId).json().get("displayName").isNull()).isTrue();
    }

    @Test
    void idsThatAreNotUuidsAreNotFound() {
        operator().get("/api/v1/pub/mailboxes/not-a-uuid").expect(404);
        operator().get("/api/v1/pub/mailboxes/1-1-1-1-1").expect(404);
        operator().delete("/api/v1/account/tokens/%27%20or%201=1").expect(404);
    }

    @Test
    void adminApiNeedsTheAdminToken() {
        api().anonymous().get("/api/v1/admin/accounts").expect(401);
        operator().get("/api/v1/admin/accounts").expect(401);
        admin().get("/api/v1/admin/accounts").expect(200);
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
