package com.qmailing.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Promise P6: request metadata only — time, token, endpoint, status, duration — never bodies. */
class RequestLogTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void authenticatedRequestsAreLoggedAsMetadataOnly() {
        Api.Client owner = admin().newAccount("PRO");
        String secretish = "logged-" + UUID.randomUUID().toString().substring(0, 8);
        String id = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", secretish)).expect(201)
                .json().get("id").asText();
        owner.get("/api/v1/pub/mailboxes/" + id).expect(200);
        owner.get("/api/v1/pub/mailboxes/" + UUID.randomUUID()).expect(404);

        JsonNode log = await().until(() -> owner.get("/api/v1/account/requests?limit=100").expect(200).json(),
                entries -> entries.findValuesAsText("endpoint").contains("GET /api/v1/pub/mailboxes/{id}")
                        && entries.size() >= 4);
        assertThat(log.findValuesAsText("endpoint"))
                .contains("POST /api/v1/pub/mailboxes", "GET /api/v1/pub/mailboxes/{id}");
        assertThat(log.findValuesAsText("status")).contains("201", "200", "404");
        assertThat(log.get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("at", "tokenId", "endpoint", "status", "durationMs");
        String rows = String.join("\n", jdbc.queryForList("select cast(l.* as text) from api_request_log l",
                String.class));
        assertThat(rows).doesNotContain(secretish).doesNotContain(id);
    }

    @Test
    void lastUsedAtFollowsSuccessfulCalls() {
        Api.Client owner = admin().newAccount("PRO");
        assertThat(owner.get("/api/v1/account/tokens").json().get(0).get("lastUsedAt").isNull()).isTrue();
        await().until(() -> !owner.get("/api/v1/account/tokens").json().get(0).get("lastUsedAt").isNull());
    }

    @Test
    void entriesOlderThanTheRetentionAreDeleted() {
        Api.Client owner = admin().newAccount("PRO");
        owner.get("/api/v1/pub/mailboxes").expect(200);
        await().until(() -> jdbc.queryForObject("select count(*) from api_request_log", Long.class) > 0);
        jdbc.update("update api_request_log set at = now() - interval '31 days'");
        long before = jdbc.queryForObject("select count(*) from api_request_log", Long.class);
        assertThat(before).isPositive();

        jdbc.update("update scheduled_tasks set execution_time = now() where task_name = 'request-log-purge'");

        await().until(() -> jdbc.queryForObject(
                "select count(*) from api_request_log where at < now() - interval '30 days'", Long.class) == 0);
    }
}
