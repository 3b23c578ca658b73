package com.qmailing.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.ShortRetentionTest;
import com.qmailing.app.support.SmtpClient;
import com.qmailing.app.support.TestMessages;
import com.qmailing.command.crypto.FieldCipher;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.qmailing.app.support.Mailing.awaitEmails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Promises P2, P10 and P12 end to end: an account with mailboxes, received and sent mail, tokens, a
 * mute rule and an export is deleted, and once its window has passed not one of its personal strings
 * is left readable in any store: event payloads (sealed fields no longer open), blobs, export files,
 * every table of the schema, the request log, or the application log of the whole scenario.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyScanTest extends ShortRetentionTest {

    private static final Pattern SEALED = Pattern.compile(Pattern.quote(FieldCipher.PREFIX) + "[A-Za-z0-9+/=]+");
    private static final ObjectMapper PLAIN = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private FieldCipher cipher;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Value("${qmailing.data-dir}")
    private Path dataDir;

    @Test
    void afterTheAccountIsPurgedNoneOfItsPersonalDataIsReadableAnywhere(CapturedOutput output) throws IOException {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Scenario scenario = new Scenario(marker);
        List<String> needles = scenario.needles();
        assertThat(tablesContaining(marker)).as("the scenario stored its data in clear in the read models")
                .contains("mailbox_view", "email_view", "mute_rule_view", "api_token_view", "account_view",
                        "webhook_endpoint_view");

        scenario.owner.delete("/api/v1/account").expect(202);

        await().atMost(PURGE_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(tablesContaining(needles)).as("tables still holding the account's personal data").isEmpty();
            assertThat(tablesWithRowsOf(scenario.accountId)).as("tables still holding the account's rows").isEmpty();
            assertThat(dataDir.resolve("exports").resolve(scenario.export + ".zip")).doesNotExist();
        });
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%.AccountPurgedEvent'", Long.class, scenario.accountId)).isOne();
        assertSealedFieldsNoLongerOpen(scenario.accountId, needles);
        assertBlobsGone(scenario.accountId, marker);
        String log = ourLog(output);
        assertThat(needles).allSatisfy(needle -> assertThat(log).as("the application log").doesNotContain(needle));
    }

    /** The whole captured log but GreenMail's lines: it plays the remote server, whose log is not ours. */
    private static String ourLog(CapturedOutput output) {
        return output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail"))
                .collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
    }

    /** Everything an account can hold, with the marker in every personal string. */
    private final class Scenario {

        final String accountId;
        final Api.Client owner;
        final String extraToken;
        final String export;
        final String marker;

        Scenario(String marker) {
            this.marker = marker;
            JsonNode account = admin().post("/api/v1/admin/accounts", Map.of("email", marker + "-owner@example.com",
                    "name", "Owner " + marker, "plan", "PRO")).expect(201).json();
            accountId = account.get("id").asText();
            owner = api().as(admin().post("/api/v1/admin/accounts/" + accountId + "/tokens",
                    Map.of("label", "all " + marker, "scopes", List.of("*"))).expect(201).json()
                    .get("plaintext").asText());
            JsonNode alice = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", marker + "-a",
                    "displayName", "Alice " + marker, "forwardTo", marker + "-fwd@elsewhere.example")).expect(201).json();
            JsonNode bob = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", marker + "-b")).expect(201).json();
            extraToken = owner.post("/api/v1/account/tokens", Map.of("label", "Label " + marker,
                    "scopes", List.of("mailboxes:read"))).expect(201).json().get("plaintext").asText();
            api().as(extraToken).get("/api/v1/pub/mailboxes").expect(200);
            owner.post("/api/v1/account/mute-rules", Map.of("pattern", marker + "-news.example")).expect(201);
            owner.post("/api/v1/pub/webhooks", Map.of("url", "https://203.0.113.7/hooks/" + marker,
                    "label", "Hook " + marker, "events", List.of("*"))).expect(201);

            String from = marker + "-sender@example.org";
            try (SmtpClient smtp = smtp()) {
                SmtpClient.expect(250, smtp.send(from, TestMessages.plain(from, alice.get("address").asText(),
                        "Subject " + marker, "Body phrase " + marker), alice.get("address").asText()));
            }
            String received = awaitEmails(owner, alice.get("id").asText(), "INBOX", 1).get(0).get("id").asText();
            owner.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command",
                    "{\"mailbox_id\":\"" + alice.get("id").asText() + "\",\"to\":[\"" + bob.get("address").asText()
                            + "\",\"" + marker + "-friend@example.org\"],\"subject\":\"Sent " + marker
                            + "\",\"body_text\":\"Sent body " + marker + "\"}")), Map.of()).expect(201);
            awaitEmails(owner, bob.get("id").asText(), "INBOX", 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(RELAY.getReceivedMessages())
                    .anyMatch(message -> {
                        try {
                            return message.getSubject().contains(marker);
                        } catch (Exception e) {
                            return false;
                        }
                    }));
            owner.delete("/api/v1/pub/email/" + received).expect(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from api_request_log where account_id = ?::uuid", Long.class, accountId) > 0);
            export = owner.post("/api/v1/account/export", Map.of()).expect(202).json().get("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> owner.get("/api/v1/account/export/" + export).json()
                    .get("status").asText().equals("DONE"));
        }

        /** What must not be readable after the purge: the marker in every form, and the tokens' secrets. */
        List<String> needles() {
            return Stream.of(marker, owner.token(), owner.token().substring(8), extraToken, extraToken.substring(8))
                    .map(needle -> needle.toLowerCase(Locale.ROOT)).toList();
        }
    }

    private List<String> tablesContaining(String needle) {
        return tablesContaining(List.of(needle.toLowerCase(Locale.ROOT)));
    }

    /** Every text, bytea, JSON and array column of every table in the schema, searched case-insensitively. */
    private List<String> tablesContaining(List<String> needles) {
        Map<String, List<String>> columns = jdbc.query("select table_name, column_name, data_type "
                        + "from information_schema.columns where table_schema = current_schema() "
                        + "and data_type in ('text', 'character varying', 'bytea', 'jsonb', 'json', 'ARRAY')",
                (rs, row) -> Map.entry(rs.getString(1), asText(rs.getString(2), rs.getString(3)))).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<String> found = new ArrayList<>();
        columns.forEach((table, texts) -> {
            String haystack = "lower(concat_ws(' ', " + String.join(", ", texts) + "))";
            for (String needle : needles) {
                Long hits = jdbc.queryForObject("select count(*) from \"" + table + "\" where strpos(" + haystack
                        + ", ?) > 0", Long.class, needle);
                if (hits != null && hits > 0) {
                    found.add(table);
                    return;
                }
            }
        });
        return found;
    }

    private static String asText(String column, String type) {
        String quoted = "\"" + column + "\"";
        return switch (type) {
            case "bytea" -> "encode(" + quoted + ", 'escape')";
            case "ARRAY" -> "array_to_string(" + quoted + ", ' ')";
            default -> quoted + "::text";
        };
    }

    /** Ids are not personal data: the event store and the audit index keep them, nothing else does. */
    private List<String> tablesWithRowsOf(String accountId) {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.columns "
                + "where table_schema = current_schema() and column_name = 'account_id' and data_type = 'uuid' "
                + "and table_name <> 'account_aggregates'", String.class);
        return tables.stream().filter(table -> jdbc.queryForObject("select count(*) from \"" + table
                + "\" where account_id = ?::uuid", Long.class, accountId) > 0).toList();
    }

    private void assertSealedFieldsNoLongerOpen(String accountId, List<String> needles) {
        List<Map<String, Object>> events = jdbc.queryForList("select payload, payload_type, payload_revision "
                + "from domain_event_entry where aggregate_identifier in (select cast(aggregate_id as text) "
                + "from account_aggregates where account_id = ?::uuid) order by global_index", accountId);
        int sealed = 0;
        for (Map<String, Object> event : events) {
            byte[] payload = (byte[]) event.get("payload");
            String stored = new String(payload, StandardCharsets.UTF_8);
            Matcher fields = SEALED.matcher(stored);
            while (fields.find()) {
                sealed++;
                assertThat(cipher.open(fields.group())).as("a sealed field of %s", event.get("payload_type"))
                        .isEmpty();
            }
            Object read = eventSerializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                    (String) event.get("payload_type"), (String) event.get("payload_revision")));
            String replayed;
            try {
                replayed = PLAIN.writeValueAsString(read).toLowerCase(Locale.ROOT);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertThat(needles).allSatisfy(needle -> assertThat(replayed).as("replayed %s", event.get("payload_type"))
                    .doesNotContain(needle));
        }
        assertThat(events).hasSizeGreaterThan(10);
        assertThat(sealed).as("sealed personal fields found in the account's history").isGreaterThan(10);
    }

    private void assertBlobsGone(String accountId, String marker) throws IOException {
        Path blobs = dataDir.resolve("blobs");
        assertThat(blobs.resolve(accountId)).doesNotExist();
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(blobs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(indexOf(Files.readAllBytes(file), needle)).as("%s", file).isNegative();
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
