package com.qmailing.app.webhook;

import com.qmailing.app.QMailingApplication;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SmtpClient;
import com.qmailing.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A delivery that failed survives a restart of the whole instance: its saga and its next
 * attempt are rows in PostgreSQL, and the instance that starts on the same database sends it.
 */
class WebhookRestartTest {

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aRetryPendingWhenTheInstanceStopsIsDeliveredByTheNextInstance() throws IOException {
        String database = TestDatabase.freshDatabaseUrl();
        Path dataDir = Files.createTempDirectory("qmailing-restart");
        int smtpPort = freePort();
        String path = "/restart/" + UUID.randomUUID();
        RECEIVER.answer(path, 500);

        String deliveryId;
        String endpointId;
        Api.Client owner;
        try (ConfigurableApplicationContext first = start(database, dataDir, smtpPort)) {
            owner = Api.onPort(port(first)).as(IntegrationTest.ADMIN_TOKEN).newAccount("PRO");
            String address = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "restart")).expect(201).json()
                    .get("address").asText();
            endpointId = owner.post("/api/v1/pub/webhooks", Map.of("url", RECEIVER.url(path),
                    "events", List.of("email.received"))).expect(201).json().get("endpoint").get("id").asText();
            try (SmtpClient smtp = new SmtpClient(smtpPort)) {
                smtp.ehlo();
                SmtpClient.expect(250, smtp.send("bob@example.org", ("From: bob@example.org\r\nTo: " + address
                        + "\r\nSubject: Before the restart\r\n\r\nhi\r\n").getBytes(StandardCharsets.US_ASCII),
                        address));
            }
            deliveryId = RECEIVER.awaitRequests(path, 1).get(0).header("X-QMailing-Delivery");
        }
        RECEIVER.answer(path, 204);

        try (ConfigurableApplicationContext second = start(database, dataDir, 0)) {
            List<WebhookReceiver.Request> requests = RECEIVER.awaitRequests(path, 2);
            assertThat(requests).extracting(request -> request.header("X-QMailing-Delivery")).containsOnly(deliveryId);
            assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
            Api.Client again = Api.onPort(port(second)).as(owner.token());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    again.get("/api/v1/pub/webhooks").expect(200).json().get(0).get("lastStatus").asInt())
                    .isEqualTo(204));
            assertThat(again.get("/api/v1/pub/webhooks").json().get(0).get("id").asText()).isEqualTo(endpointId);
        }
    }

    /** The retry waits long enough for the first instance to be gone before it is due. */
    private static ConfigurableApplicationContext start(String database, Path dataDir, int smtpPort) {
        return new SpringApplicationBuilder(QMailingApplication.class).run(
                "--server.port=0",
                "--qmailing.smtp.port=" + smtpPort,
                "--qmailing.db.url=" + database,
                "--qmailing.data-dir=" + dataDir,
                "--qmailing.bootstrap-token=" + IntegrationTest.BOOTSTRAP_TOKEN,
                "--qmailing.admin-token=" + IntegrationTest.ADMIN_TOKEN,
                "--qmailing.webhooks.allow-private=true",
                "--qmailing.webhooks.retry-delays=PT3S",
                "--db-scheduler.polling-interval=PT0.2S");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
