package com.qmailing.app.privacy;

import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Promises P3 (personal fields in events encrypted) and P7 (tokens only as bcrypt hashes). */
class SecretsAtRestTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MultipartConfigElement uploads;

    @Test
    void personalFieldsOfEventsAreStoredEncrypted() {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Api.Client owner = admin().newAccount("PRO");
        owner.post("/api/v1/pub/mailboxes", Map.of("localPart", marker, "displayName", "Name " + marker,
                "forwardTo", marker + "@elsewhere.example")).expect(201);
        owner.post("/api/v1/account/tokens", Map.of("label", "label " + marker, "scopes", List.of("*")))
                .expect(201);

        List<byte[]> payloads = jdbc.queryForList("select payload from domain_event_entry", byte[].class);
        assertThat(payloads).isNotEmpty();
        for (byte[] payload : payloads) {
            assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain(marker);
        }
        assertThat(payloads).anySatisfy(payload ->
                assertThat(new String(payload, StandardCharsets.UTF_8)).contains("qmenc:1:"));
        // ...and yet the read side sees the plaintext, decrypted with the mailbox's key.
        assertThat(owner.get("/api/v1/pub/mailboxes").json().get(0).get("displayName").asText())
                .isEqualTo("Name " + marker);
    }

    /** An attachment sent with the send endpoint is never spooled to a plaintext temporary file. */
    @Test
    void uploadedAttachmentsAreNeverSpooledToDisk() {
        assertThat(uploads.getMaxFileSize()).isPositive();
        assertThat((long) uploads.getFileSizeThreshold()).isGreaterThanOrEqualTo(uploads.getMaxFileSize());
        assertThat((long) uploads.getFileSizeThreshold()).isGreaterThanOrEqualTo(uploads.getMaxRequestSize());
    }

    @Test
    void tokensAreStoredOnlyAsBcryptHashesAndShownOnce() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Response issued = owner.post("/api/v1/account/tokens",
                Map.of("label", "once", "scopes", List.of("mailboxes:read"))).expect(201);
        String plaintext = issued.json().get("plaintext").asText();
        assertThat(plaintext).matches("qm_live_[A-Za-z0-9]{32}");
        assertThat(issued.json().get("prefix").asText()).isEqualTo(plaintext.substring(0, 12));

        String listed = owner.get("/api/v1/account/tokens").expect(200).body();
        assertThat(listed).doesNotContain(plaintext).doesNotContain("plaintext").contains(plaintext.substring(0, 12));

        List<String> hashes = jdbc.queryForList("select bcrypt_hash from api_token_credentials", String.class);
        assertThat(hashes).allSatisfy(hash -> assertThat(hash).startsWith("$2a$10$"));
        for (String table : List.of("api_token_credentials", "api_token_view", "api_token_usage")) {
            String dump = String.join("\n", jdbc.queryForList("select cast(t.* as text) from " + table + " t",
                    String.class));
            assertThat(dump).as(table).doesNotContain(plaintext);
        }
        String events = String.join("\n", jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry", String.class));
        assertThat(events).doesNotContain(plaintext).doesNotContain(plaintext.substring(12));
    }
}
