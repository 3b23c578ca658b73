package com.qmailing.app.axonserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distributed profile end to end: Axon Server (in a container) stores the events and routes
 * commands and queries, PostgreSQL keeps everything else. Needs a Docker engine; without one the
 * class is reported as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
@ActiveProfiles("axonserver")
class AxonServerProfileTest extends IntegrationTest {

    /** The Axon Server docker-compose.yml runs, under the name AxonServerContainer accepts. */
    @Container
    static final AxonServerContainer AXON_SERVER = new AxonServerContainer(DockerImageName
            .parse("axoniq/axonserver:2025.1.3").asCompatibleSubstituteFor("docker.axoniq.io/axoniq/axonserver"));

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void axonServer(DynamicPropertyRegistry registry) {
        registry.add("axon.axonserver.servers", AXON_SERVER::getAxonServerAddress);
        // The profile's default is S3; this test is about the event store and the buses.
        registry.add("qmailing.blob-store", () -> "local");
    }

    @Test
    void aMailboxCreatedOverRestIsReadBackWithItsEventsInAxonServer() {
        Api.Client owner = admin().newAccount("PRO");
        String localPart = "axon-" + UUID.randomUUID().toString().substring(0, 8);

        JsonNode created = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", localPart, "displayName", "Axon"))
                .expect(201).json();

        String id = created.get("id").asText();
        assertThat(owner.get("/api/v1/pub/mailboxes/" + id).expect(200).json()).isEqualTo(created);
        assertThat(owner.get("/api/v1/pub/mailboxes").expect(200).json().findValuesAsText("id")).containsExactly(id);
        assertThat(created.get("address").asText()).isEqualTo(localPart + "@qmailing.local");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .as("events belong in Axon Server, not in the JDBC event table").isZero();
    }
}
