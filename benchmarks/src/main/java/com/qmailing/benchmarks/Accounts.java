package com.qmailing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Accounts made through the admin API, each with a {@code *} token. */
final class Accounts {

    private Accounts() {
    }

    record Account(String id, String token) {
    }

    static Account create(Http http, String adminToken, String plan) {
        JsonNode account = http.expect(201, "POST", "/api/v1/admin/accounts", adminToken,
                Map.of("email", "bench-" + UUID.randomUUID() + "@example.com", "name", "Benchmark", "plan", plan));
        String id = account.get("id").asText();
        JsonNode token = http.expect(201, "POST", "/api/v1/admin/accounts/" + id + "/tokens", adminToken,
                Map.of("label", "benchmark", "scopes", List.of("*")));
        return new Account(id, token.get("plaintext").asText());
    }

    record Mailbox(String id, String address) {
    }

    /** A new mailbox of the account, its local part the prefix and a random suffix. */
    static Mailbox mailbox(Http http, String token, String prefix) {
        JsonNode mailbox = http.expect(201, "POST", "/api/v1/pub/mailboxes", token,
                Map.of("localPart", prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
        return new Mailbox(mailbox.get("id").asText(), mailbox.get("address").asText());
    }

    static String adminToken(String[] args, int index) {
        String token = args.length > index ? args[index] : System.getenv("QMAILING_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("pass the admin token as an argument or set QMAILING_ADMIN_TOKEN");
        }
        return token;
    }
}
