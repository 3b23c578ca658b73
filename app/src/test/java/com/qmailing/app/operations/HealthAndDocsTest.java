package com.qmailing.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAndDocsTest extends IntegrationTest {

    @Test
    void healthIsUpOnceEveryProcessorRuns() {
        JsonNode health = api().anonymous().get("/actuator/health").expect(200).json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/eventProcessors/details").fieldNames()).toIterable()
                .contains("projection.mailboxes", "projection.tokens", "projection.accounts");
    }

    @Test
    void openApiDocumentDescribesThePublicApi() {
        JsonNode doc = api().anonymous().get("/v3/api-docs").expect(200).json();
        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/api/v1/pub/mailboxes",
                "/api/v1/pub/mailboxes/{id}", "/api/v1/pub/domains", "/api/v1/pub/domains/{domainId}/dns-records");
        assertThat(doc.at("/components/schemas/MailboxResponse/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "address", "localPart", "domain", "displayName", "forwardTo",
                        "forwardOnly", "status", "emailCount", "unreadCount", "sizeBytes", "createdAt");
        // The list is answered as bytes already rendered; the document still says what they are.
        JsonNode list = doc.at("/paths/~1api~1v1~1pub~1mailboxes/get/responses/200/content/application~1json/schema");
        assertThat(list.get("type").asText()).isEqualTo("array");
        assertThat(list.at("/items/$ref").asText()).isEqualTo("#/components/schemas/MailboxResponse");
    }

    @Test
    void prometheusMetricsAreExposed() {
        assertThat(api().anonymous().get("/actuator/prometheus").expect(200).body()).contains("jvm_memory_used_bytes");
    }
}
