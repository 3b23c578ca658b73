package com.qmailing.app.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SesLocal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.qmailing.app.email.ReceiveMailTest.createMailbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/** {@code QMAILING_OUTBOUND=ses} against aws-ses-v2-local, a real SES v2 HTTP endpoint. */
@TestPropertySource(properties = {"qmailing.outbound=ses", "qmailing.ses.access-key=test",
        "qmailing.ses.secret-key=test", "qmailing.ses.region=eu-west-1"})
class SesOutboundTest extends IntegrationTest {

    @BeforeAll
    static void needsNode() {
        assumeThat(SesLocal.available()).as("node and npm on PATH").isTrue();
    }

    @DynamicPropertySource
    static void ses(DynamicPropertyRegistry registry) {
        registry.add("qmailing.ses.endpoint", () -> SesLocal.available() ? SesLocal.endpoint() : "");
    }

    @Test
    void remoteMailGoesOutThroughSesAsTheStoredRawMessage() {
        Api.Client alice = admin().newAccount("PRO");
        JsonNode box = createMailbox(alice);
        String tag = UUID.randomUUID().toString();

        JsonNode sent = alice.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command",
                "{\"mailbox_id\":\"" + box.get("id").asText() + "\",\"to\":[\"bob@example.org\"],\"subject\":\""
                        + tag + "\",\"body_text\":\"via SES\"}")), Map.of()).expect(201).json();

        await().atMost(Duration.ofSeconds(15)).until(() -> SesLocal.store().contains(tag));
        assertThat(SesLocal.store()).contains("bob@example.org");
        assertThat(sent.get("messageId").asText()).isNotBlank();
    }
}
