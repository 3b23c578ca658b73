package com.qmailing.app.forwarding;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.qmailing.app.QMailingApplication;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SmtpClient;
import com.qmailing.app.support.TestMessages;
import com.qmailing.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A forward accepted by one process and not yet delivered (its relay is down) is delivered by the
 * next process on the same database: the forward copy, the delivery saga and its retry deadline
 * are all durable. The forwarding mailbox keeps no copy, so the forward is the only one there is.
 */
class ForwardRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aForwardWaitingForItsRelayIsDeliveredAfterARestart() throws Exception {
        String database = TestDatabase.freshDatabaseUrl();
        int relayPort = freePort();
        int smtpPort = freePort();
        String target = "restart-" + UUID.randomUUID() + "@example.org";
        String subject = "Across a restart " + UUID.randomUUID();

        try (ConfigurableApplicationContext first = start(database, relayPort, smtpPort)) {
            Api.Client operator = new Api("http://127.0.0.1:" + first.getEnvironment()
                    .getProperty("local.server.port")).as(IntegrationTest.BOOTSTRAP_TOKEN);
            String address = operator.post("/api/v1/pub/mailboxes", Map.of("localPart", "restart",
                    "forwardTo", target, "forwardOnly", true)).expect(201).json().get("address").asText();
            try (SmtpClient smtp = new SmtpClient(smtpPort)) {
                smtp.ehlo();
                SmtpClient.expect(250, smtp.send("carol@example.org",
                        TestMessages.plain("carol@example.org", address, subject, "still on its way\r\n"), address));
            }
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from "
                    + "domain_event_entry where payload_type = ?", Long.class,
                    "com.qmailing.events.email.EmailDeliveryDeferredEvent") > 0);
        }

        GreenMail relay = new GreenMail(new ServerSetup(relayPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        try (ConfigurableApplicationContext second = start(database, relayPort, smtpPort)) {
            MimeMessage forwarded = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(relay::getReceivedMessages, received -> received.length > 0)[0];
            assertThat(forwarded.getSubject()).isEqualTo(subject);
        } finally {
            relay.stop();
        }
    }

    private ConfigurableApplicationContext start(String database, int relayPort, int smtpPort) {
        // Command-line arguments, because application.yml's own values outrank default properties.
        return new SpringApplicationBuilder(QMailingApplication.class)
                .run("--qmailing.db.url=" + database,
                        "--qmailing.data-dir=" + dataDir,
                        "--qmailing.bootstrap-token=" + IntegrationTest.BOOTSTRAP_TOKEN,
                        "--server.port=0",
                        "--qmailing.smtp.port=" + smtpPort,
                        "--qmailing.outbound=smtp",
                        "--qmailing.smtp-relay.host=127.0.0.1",
                        "--qmailing.smtp-relay.port=" + relayPort,
                        "--qmailing.smtp-relay.starttls=false",
                        "--qmailing.delivery.retry-delays=PT2S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S",
                        "--db-scheduler.polling-interval=PT0.5S");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
