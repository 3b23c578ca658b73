package com.qmailing.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdminAccountsTest extends IntegrationTest {

    @Test
    void aSecondAccountWithTheSameEmailIsAConflictAndIsNotCreated() {
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        String firstId = admin().post("/api/v1/admin/accounts", Map.of("email", email, "name", "First", "plan", "PRO"))
                .expect(201).json().get("id").asText();

        Api.Response again = admin().post("/api/v1/admin/accounts",
                Map.of("email", email, "name", "Second", "plan", "FREE")).expect(409);

        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().get("code").asText()).isEqualTo("Conflict");
        assertThat(again.json().get("detail").asText()).startsWith("email: ");
        assertThat(accountsWithEmail(email)).extracting(account -> account.get("id").asText())
                .containsExactly(firstId);
    }

    @Test
    void emailsThatDifferOnlyInCaseAreTheSameAccount() {
        String local = "Case-" + UUID.randomUUID();
        String email = local + "@Example.COM";
        admin().post("/api/v1/admin/accounts", Map.of("email", email, "name", "Mixed", "plan", "PRO")).expect(201);

        for (String variant : List.of(local.toLowerCase(Locale.ROOT) + "@example.com",
                local.toUpperCase(Locale.ROOT) + "@EXAMPLE.COM")) {
            assertThat(admin().post("/api/v1/admin/accounts", Map.of("email", variant, "name", "Other", "plan", "PRO"))
                    .expect(409).json().get("code").asText()).as(variant).isEqualTo("Conflict");
        }
        assertThat(accountsWithEmail(email)).hasSize(1);
    }

    /** Every listed account whose email matches, case-insensitively, paging through the whole list. */
    private List<JsonNode> accountsWithEmail(String email) {
        List<JsonNode> matches = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            JsonNode page = admin().get("/api/v1/admin/accounts?limit=100&offset=" + offset).expect(200).json();
            page.forEach(account -> {
                if (account.get("email").asText().equalsIgnoreCase(email)) {
                    matches.add(account);
                }
            });
            if (page.size() < 100) {
                return matches;
            }
        }
    }
}
