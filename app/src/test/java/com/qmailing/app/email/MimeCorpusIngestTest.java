package com.qmailing.app.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.EmlFixtures;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SmtpClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.qmailing.app.email.ReceiveMailTest.createMailbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

/**
 * Every real-world and malformed message of {@code testdata/eml} survives the whole path:
 * accepted over SMTP, stored byte-exact, listed, and readable through the API without a 500.
 */
class MimeCorpusIngestTest extends IntegrationTest {

    @Test
    void everyFixtureIsAcceptedStoredByteExactListedAndReadable() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String address = mailbox.get("address").asText();
        List<Path> fixtures = EmlFixtures.mimetools();
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(40);

        assertSoftly(softly -> {
            int stored = 0;
            for (Path fixture : fixtures) {
                byte[] wire = SmtpClient.crlf(read(fixture));
                String reply;
                try (SmtpClient smtp = smtp()) {
                    reply = smtp.send("sender@example.org", wire, address);
                }
                softly.assertThat(reply).as(fixture.getFileName().toString()).startsWith("250");
                stored++;
                JsonNode newest = awaitTotal(account, mailbox.get("id").asText(), stored).get(0);
                String email = "/api/v1/pub/email/" + newest.get("id").asText();

                Api.Response detail = account.get(email);
                softly.assertThat(detail.status()).as(fixture + " detail: " + detail.body()).isEqualTo(200);
                HttpResponse<byte[]> raw = account.download(email + "/raw");
                softly.assertThat(raw.body()).as(fixture + " raw").isEqualTo(wire);
                if (detail.status() == 200) {
                    for (JsonNode attachment : detail.json().get("attachments")) {
                        HttpResponse<byte[]> download = account.download(email + "/attachments/"
                                + attachment.get("index").asInt());
                        softly.assertThat(download.statusCode()).as(fixture + " attachment " + attachment)
                                .isEqualTo(200);
                        softly.assertThat((long) download.body().length).as(fixture + " attachment size")
                                .isEqualTo(attachment.get("sizeBytes").asLong());
                    }
                }
            }
        });
        assertThat(account.get("/api/v1/pub/email?mailboxId=" + mailbox.get("id").asText()).header("X-Total-Count"))
                .isEqualTo(Integer.toString(fixtures.size()));
    }

    private static JsonNode awaitTotal(Api.Client account, String mailboxId, int total) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> account.get("/api/v1/pub/email?limit=1&mailboxId=" + mailboxId).expect(200),
                        listed -> listed.header("X-Total-Count").equals(Integer.toString(total)))
                .json();
    }

    private static byte[] read(Path fixture) {
        try {
            return Files.readAllBytes(fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
