package com.qmailing.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Scopes, plans, the FREE allowance and the request log: REST's rules, applied per tool. */
class McpToolAccessTest extends McpTest {

    /** Each tool with arguments it would accept, and the scope it needs (MCP.md's table). */
    private static final Map<String, Map<String, Object>> CALLS = new LinkedHashMap<>();
    private static final Map<String, String> SCOPES = new LinkedHashMap<>();

    static {
        String any = UUID.randomUUID().toString();
        add("qmailing_list_mailboxes", Map.of(), "mailboxes:read");
        add("qmailing_get_mailbox", Map.of("id", any), "mailboxes:read");
        add("qmailing_create_mailbox", Map.of("localPart", "scoped"), "mailboxes:write");
        add("qmailing_list_domains", Map.of(), "domains:read");
        add("qmailing_get_dns_records", Map.of("domainId", any), "domains:read");
        add("qmailing_list_emails", Map.of(), "email:read");
        add("qmailing_get_email", Map.of("id", any), "email:read");
        add("qmailing_get_attachment", Map.of("emailId", any, "index", 0), "email:read");
        add("qmailing_send_email", Map.of("mailboxId", any, "to", List.of("bob@example.org")), "email:send");
        add("qmailing_register_webhook", Map.of("url", "https://hooks.example.org/x", "label", "x",
                "events", List.of("email.received")), "webhooks:write");
        add("qmailing_list_webhooks", Map.of(), "webhooks:read");
        add("qmailing_delete_webhook", Map.of("id", any), "webhooks:write");
    }

    private static void add(String tool, Map<String, Object> arguments, String scope) {
        CALLS.put(tool, arguments);
        SCOPES.put(tool, scope);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyToolRefusesATokenWithoutItsScope() {
        Api.Client owner = admin().newAccount("PRO");
        // No tool needs domains:write, so this token has a scope and none that any tool accepts.
        McpSyncClient webhooksOnly = mcp(scoped(owner, "domains:write"));
        McpSyncClient mailboxReader = mcp(scoped(owner, "mailboxes:read"));

        CALLS.forEach((tool, arguments) -> assertThat(error(call(webhooksOnly, tool, arguments))).as(tool)
                .isEqualTo(apiError(403, "InsufficientScope", "this token lacks the scope " + SCOPES.get(tool))));
        assertThat(json(call(mailboxReader, "qmailing_list_mailboxes", Map.of()))).isEmpty();
        assertThat(error(call(mailboxReader, "qmailing_create_mailbox", Map.of("localPart", unique("no")))))
                .isEqualTo(apiError(403, "InsufficientScope", "this token lacks the scope mailboxes:write"));
    }

    @Test
    void theFreePlanMayOnlyListAndGetMailboxes() {
        McpSyncClient free = mcp(admin().newAccount("FREE"));

        assertThat(json(call(free, "qmailing_list_mailboxes", Map.of()))).isEmpty();
        assertThat(error(call(free, "qmailing_get_mailbox", Map.of("id", UUID.randomUUID().toString()))))
                .isEqualTo(apiError(404, "NotFound", "not found"));
        CALLS.keySet().stream().skip(2).forEach(tool -> assertThat(error(call(free, tool, CALLS.get(tool))))
                .as(tool).isEqualTo(apiError(402, "PlanFeatureRequired",
                        "the FREE plan does not include " + tool + "; PLUS and above include every tool")));
    }

    @Test
    void theFreePlanAllowsTwentyFiveCallsADayThen429WithTheSecondsUntilMidnight() {
        McpSyncClient free = mcp(admin().newAccount("FREE"));
        for (int i = 0; i < 25; i++) {
            assertThat(call(free, i % 2 == 0 ? "qmailing_list_mailboxes" : "qmailing_get_mailbox",
                    i % 2 == 0 ? Map.of() : Map.of("id", "nope")).content()).as("call %d", i + 1).hasSize(1);
        }

        String refused = error(call(free, "qmailing_list_mailboxes", Map.of()));
        assertThat(refused).startsWith("qmailing API error (status 429, code RateLimitExceeded): the FREE plan "
                + "allows 25 MCP tool calls per UTC day; the allowance renews in ");
        long seconds = Long.parseLong(refused.replaceAll(".* renews in (\\d+) seconds.*", "$1"));
        assertThat(seconds).isBetween(1L, 86_400L);
        assertThat(error(call(free, "qmailing_create_mailbox", Map.of("localPart", "x"))))
                .as("a tool the plan lacks is still a 402, not a 429").contains("status 402");

        McpSyncClient plus = mcp(admin().newAccount("PLUS"));
        for (int i = 0; i < 30; i++) {
            assertThat(json(call(plus, "qmailing_list_mailboxes", Map.of()))).isEmpty();
        }
    }

    @Test
    void aPlanDowngradeAppliesToTheNextToolCall() {
        Api.Response account = admin().post("/api/v1/admin/accounts",
                Map.of("email", unique("downgrade") + "@example.com", "plan", "PRO")).expect(201);
        String id = account.json().get("id").asText();
        String token = admin().post("/api/v1/admin/accounts/" + id + "/tokens",
                Map.of("label", "t", "scopes", List.of("*"))).expect(201).json().get("plaintext").asText();
        McpSyncClient client = mcp(token);
        assertThat(json(call(client, "qmailing_list_domains", Map.of()))).isEmpty();

        admin().put("/api/v1/admin/accounts/" + id + "/plan", Map.of("plan", "FREE")).expect(200);

        assertThat(error(call(client, "qmailing_list_domains", Map.of()))).contains("status 402");
        assertThat(json(call(client, "qmailing_list_mailboxes", Map.of()))).isEmpty();
    }

    @Test
    void everyToolCallIsLoggedWithTheToolNameAndStatusButNeverItsArgumentsOrResult() {
        Api.Client owner = admin().newAccount("PRO");
        McpSyncClient client = mcp(owner);
        String secretish = unique("logged");
        String created = json(call(client, "qmailing_create_mailbox", Map.of("localPart", secretish)))
                .get("id").asText();
        call(client, "qmailing_get_mailbox", Map.of("id", created));
        call(client, "qmailing_get_mailbox", Map.of("id", UUID.randomUUID().toString()));
        call(mcp(scoped(owner, "webhooks:read")), "qmailing_list_mailboxes", Map.of());

        JsonNode log = await().until(() -> owner.get("/api/v1/account/requests?limit=100").expect(200).json(),
                entries -> entries.findValuesAsText("endpoint").stream()
                        .filter(endpoint -> endpoint.startsWith("qmailing_")).count() == 4);
        List<String> calls = log.findParents("endpoint").stream()
                .filter(entry -> entry.get("endpoint").asText().startsWith("qmailing_"))
                .map(entry -> entry.get("endpoint").asText() + " " + entry.get("status").asInt()).toList();
        assertThat(calls).containsExactlyInAnyOrder("qmailing_create_mailbox 200", "qmailing_get_mailbox 200",
                "qmailing_get_mailbox 404", "qmailing_list_mailboxes 403");
        assertThat(log.get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("at", "tokenId", "endpoint", "status", "durationMs");
        String rows = String.join("\n", jdbc.queryForList("select cast(l.* as text) from api_request_log l",
                String.class));
        assertThat(rows).doesNotContain(secretish).doesNotContain(created);
    }
}
