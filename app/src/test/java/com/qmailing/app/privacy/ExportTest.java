package com.qmailing.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static com.qmailing.app.support.Mailing.awaitEmails;
import static com.qmailing.app.support.Mailing.createMailbox;
import static com.qmailing.app.support.Mailing.deliver;
import static com.qmailing.app.support.Mailing.uniqueLocalPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Promise P9: export everything, machine-readable, with progress; the owner's alone. */
class ExportTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Value("${qmailing.data-dir}")
    private Path dataDir;

    @Test
    void anExportHoldsTheAccountItsMailboxesExactMessagesTokensLogAndDecryptedHistory() throws IOException {
        Api.Client owner = admin().newAccount("PRO");
        JsonNode alice = createMailbox(owner, uniqueLocalPart("alice"));
        JsonNode bob = createMailbox(owner, uniqueLocalPart("bob"));
        deliver(smtp(), alice.get("address").asText(), "Exported subject", "Exported body");
        String received = awaitEmails(owner, alice.get("id").asText(), "INBOX", 1).get(0).get("id").asText();
        owner.patch("/api/v1/pub/email/" + received, Map.of("starred", true)).expect(200);
        owner.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command",
                "{\"mailbox_id\":\"" + alice.get("id").asText() + "\",\"to\":[\"" + bob.get("address").asText()
                        + "\"],\"subject\":\"Sent along\",\"body_text\":\"hi bob\"}")), Map.of()).expect(201);
        awaitEmails(owner, bob.get("id").asText(), "INBOX", 1);
        String reader = owner.post("/api/v1/account/tokens", Map.of("label", "reader",
                "scopes", List.of("mailboxes:read"))).expect(201).json().get("plaintext").asText();
        owner.post("/api/v1/account/mute-rules", Map.of("pattern", "news.example")).expect(201);

        JsonNode started = owner.post("/api/v1/account/export", Map.of()).expect(202).json();
        assertThat(started.fieldNames()).toIterable().containsExactly("id", "status", "itemsDone", "itemsTotal");
        String id = started.get("id").asText();
        JsonNode done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> owner.get("/api/v1/account/export/" + id).expect(200).json(),
                        progress -> !progress.get("status").asText().equals("RUNNING"));
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("itemsDone").asLong()).isEqualTo(done.get("itemsTotal").asLong()).isEqualTo(8 + 3);

        HttpResponse<byte[]> download = owner.download("/api/v1/account/export/" + id + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> zip = unzip(download.body());

        assertThat(zip.keySet()).contains("account.json", "mailboxes.json", "emails.json", "tokens.json",
                "mute-rules.json", "webhooks.json", "request-log.json", "events.ndjson");
        assertThat(json(zip, "account.json").get("account").get("id").asText()).isEqualTo(owner.accountId());
        assertThat(json(zip, "mailboxes.json")).hasSize(2);
        JsonNode emails = json(zip, "emails.json");
        assertThat(emails).hasSize(3);
        for (JsonNode email : emails) {
            String eml = "emails/" + email.get("mailboxId").asText() + "/" + email.get("id").asText() + ".eml";
            assertThat(zip.get(eml)).as(eml)
                    .isEqualTo(owner.download("/api/v1/pub/email/" + email.get("id").asText() + "/raw").body());
        }
        JsonNode starred = emails.findParents("starred").stream().filter(e -> e.get("id").asText().equals(received))
                .findFirst().orElseThrow();
        assertThat(starred.get("starred").asBoolean()).isTrue();
        assertThat(starred.get("folder").asText()).isEqualTo("INBOX");
        assertThat(starred.get("subject").asText()).isEqualTo("Exported subject");
        String tokens = new String(zip.get("tokens.json"), StandardCharsets.UTF_8);
        assertThat(tokens).contains(reader.substring(0, 12)).doesNotContain(reader).doesNotContain(owner.token());
        assertThat(json(zip, "mute-rules.json").get(0).get("pattern").asText()).isEqualTo("news.example");
        assertThat(json(zip, "webhooks.json")).isEmpty();
        assertThat(json(zip, "request-log.json")).isNotEmpty();
        List<JsonNode> events = new String(zip.get("events.ndjson"), StandardCharsets.UTF_8).lines()
                .map(ExportTest::parse).toList();
        assertThat(events.get(0).get("type").asText()).isEqualTo("AccountCreatedEvent");
        assertThat(events).anySatisfy(event -> assertThat(event.get("payload").path("headers").path("subject")
                .asText()).isEqualTo("Exported subject"));

        Path file = dataDir.resolve("exports").resolve(id + ".zip");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anotherAccountCannotSeeOrDownloadTheExport() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Client stranger = admin().newAccount("PRO");
        String id = owner.post("/api/v1/account/export", Map.of()).expect(202).json().get("id").asText();

        assertThat(stranger.get("/api/v1/account/export/" + id).status()).isEqualTo(404);
        assertThat(stranger.download("/api/v1/account/export/" + id + "/download").statusCode()).isEqualTo(404);
        assertThat(owner.get("/api/v1/account/export/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static JsonNode json(Map<String, byte[]> zip, String name) throws IOException {
        return JSON.readTree(zip.get(name));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
