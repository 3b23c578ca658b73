package com.qmailing.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProjectionRebuildApiTest extends IntegrationTest {

    private static final String PROJECTIONS = "/api/v1/admin/projections";
    private static final String MAILBOXES = "projection.mailboxes";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyProjectionIsListedWithItsProgressAndNothingElseIs() {
        JsonNode projections = admin().get(PROJECTIONS).expect(200).json();

        List<String> names = projections.findValuesAsText("name");
        assertThat(names).contains("projection.accounts", MAILBOXES, "projection.tokens", "projection.emails")
                .allMatch(name -> name.startsWith("projection."))
                .isSorted();
        for (JsonNode projection : projections) {
            assertThat(projection.get("status").asText()).as(projection.toString()).isEqualTo("RUNNING");
            assertThat(projection.get("position").isIntegralNumber()).as(projection.toString()).isTrue();
            assertThat(projection.get("replayUntil").isNull()).isTrue();
            assertThat(projection.get("progress").asDouble()).isEqualTo(1.0);
        }
    }

    @Test
    void rebuildingTheMailboxProjectionReplaysADamagedReadModelBackToTheEvents() {
        Api.Client owner = admin().newAccount("PRO");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "rebuild-" + i + "-" + shortId(),
                    "displayName", "Box " + i)).expect(201).json().get("id").asText());
        }
        owner.patch("/api/v1/pub/mailboxes/" + ids.get(0), Map.of("displayName", "Renamed")).expect(200);
        JsonNode before = owner.get("/api/v1/pub/mailboxes").expect(200).json();
        // Damage only a replay repairs: a row gone, a row wrong.
        jdbc.update("delete from mailbox_view where mailbox_id = ?", UUID.fromString(ids.get(1)));
        jdbc.update("update mailbox_view set display_name = 'damaged' where mailbox_id = ?", UUID.fromString(ids.get(0)));
        assertThat(owner.get("/api/v1/pub/mailboxes").json()).isNotEqualTo(before);

        Api.Response accepted = admin().send("POST", PROJECTIONS + "/" + MAILBOXES + "/rebuild", null, null).expect(202);

        assertThat(accepted.header("Location")).isEqualTo(PROJECTIONS + "/" + MAILBOXES);
        assertThat(accepted.json().get("name").asText()).isEqualTo(MAILBOXES);
        assertThat(accepted.json().get("status").asText()).isIn("REPLAYING", "RUNNING");
        List<Double> progress = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode projection = admin().get(PROJECTIONS + "/" + MAILBOXES).expect(200).json();
            progress.add(projection.get("progress").asDouble());
            return projection.get("status").asText().equals("RUNNING");
        });
        assertThat(progress).isSorted().allMatch(share -> share >= 0 && share <= 1).endsWith(1.0);
        assertThat(owner.get("/api/v1/pub/mailboxes").expect(200).json()).isEqualTo(before);
    }

    @Test
    void onlyProjectionsCanBeRebuiltAnythingElseIsNotFound() {
        for (String name : List.of("projection.nothing", "command-lookups", "saga.deletion", "nothing")) {
            Api.Response refused = admin().send("POST", PROJECTIONS + "/" + name + "/rebuild", null, null).expect(404);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asText()).isEqualTo("NotFound");
            assertThat(admin().get(PROJECTIONS + "/" + name).expect(404).json().get("code").asText())
                    .isEqualTo("NotFound");
        }
    }

    @Test
    void projectionsAreForTheAdminTokenOnly() {
        String rebuild = PROJECTIONS + "/" + MAILBOXES + "/rebuild";
        for (Api.Client caller : List.of(api().anonymous(), operator(), api().as("not-the-admin-token"))) {
            assertThat(caller.get(PROJECTIONS).expect(401).json().get("code").asText()).isEqualTo("Unauthorized");
            caller.get(PROJECTIONS + "/" + MAILBOXES).expect(401);
            caller.send("POST", rebuild, null, null).expect(401);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
