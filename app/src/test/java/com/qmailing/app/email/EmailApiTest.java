package com.qmailing.app.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SmtpClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.qmailing.app.email.ReceiveMailTest.awaitListed;
import static com.qmailing.app.email.ReceiveMailTest.createMailbox;
import static com.qmailing.app.email.ReceiveMailTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmailApiTest extends IntegrationTest {

    @Test
    void readStarMoveTrashAndRestoreKeepTheCountersExact() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String mailboxId = mailbox.get("id").asText();
        String id = receive(account, mailbox, message("bob@example.org", mailbox.get("address").asText(),
                "Flags", "body\r\n"));
        String email = "/api/v1/pub/email/" + id;

        JsonNode read = account.patch(email, Map.of("read", true, "starred", true)).expect(200).json();
        assertThat(read.get("read").asBoolean()).isTrue();
        assertThat(read.get("starred").asBoolean()).isTrue();
        assertThat(counters(account, mailboxId)).containsExactly(1L, 0L);
        assertThat(account.get("/api/v1/pub/email?folder=STARRED").json()).hasSize(1);

        JsonNode spam = account.patch(email, Map.of("folder", "SPAM", "read", false)).expect(200).json();
        assertThat(spam.get("folder").asText()).isEqualTo("SPAM");
        assertThat(counters(account, mailboxId)).containsExactly(1L, 0L);
        assertThat(account.get("/api/v1/pub/email?mailboxId=" + mailboxId).json()).isEmpty();
        assertThat(account.get("/api/v1/pub/email?mailboxId=" + mailboxId + "&folder=spam").json()).hasSize(1);

        JsonNode trashed = account.delete(email).expect(202).json();
        assertThat(trashed.get("folder").asText()).isEqualTo("TRASH");
        assertThat(trashed.get("purgeAt").asText()).isNotBlank();
        assertThat(counters(account, mailboxId)).containsExactly(0L, 0L);
        assertThat(account.get("/api/v1/pub/email?folder=STARRED").json()).isEmpty();
        assertThat(account.delete(email).status()).isEqualTo(202);

        JsonNode restored = account.post(email + "/restore", "").expect(200).json();
        assertThat(restored.get("folder").asText()).isEqualTo("SPAM");
        JsonNode inbox = account.patch(email, Map.of("folder", "INBOX")).expect(200).json();
        assertThat(inbox.get("folder").asText()).isEqualTo("INBOX");
        assertThat(counters(account, mailboxId)).containsExactly(1L, 1L);
        assertThat(account.get("/api/v1/account/usage").expect(200).json().get("storageBytes").asLong())
                .isEqualTo(account.get("/api/v1/pub/mailboxes/" + mailboxId).json().get("sizeBytes").asLong())
                .isPositive();
    }

    @Test
    void mutingASenderDomainMovesItsMailFromTheInboxToTheMutedView() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String id = receive(account, mailbox, message("deals@Shop.Example", mailbox.get("address").asText(),
                "Sale!", "buy\r\n"));

        JsonNode rule = account.post("/api/v1/account/mute-rules", Map.of("pattern", "SHOP.example")).expect(201)
                .json();
        assertThat(rule.get("pattern").asText()).isEqualTo("shop.example");
        assertThat(rule.get("kind").asText()).isEqualTo("DOMAIN");
        assertThat(account.get("/api/v1/pub/email").json()).isEmpty();
        JsonNode muted = account.get("/api/v1/pub/email?folder=MUTED").json();
        assertThat(muted).hasSize(1);
        assertThat(muted.get(0).get("muted").asBoolean()).isTrue();
        assertThat(account.get("/api/v1/pub/email/" + id).json().get("muted").asBoolean()).isTrue();
        assertThat(account.get("/api/v1/account/mute-rules").json()).hasSize(1);
        assertProblem(account.post("/api/v1/account/mute-rules", Map.of("pattern", "not a domain")), 400,
                "ValidationFailed", "pattern");

        account.delete("/api/v1/account/mute-rules/shop.example").expect(204);
        account.delete("/api/v1/account/mute-rules/shop.example").expect(204);
        assertThat(account.get("/api/v1/pub/email").json()).hasSize(1);
        assertThat(account.get("/api/v1/pub/email?folder=MUTED").json()).isEmpty();
    }

    @Test
    void listTotalsMatchTheListedEmailsInEveryFolderAndViewAsMailIsStarredMovedMutedAndPurged() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode first = createMailbox(account);
        JsonNode second = createMailbox(account);
        String firstId = first.get("id").asText();
        try (SmtpClient smtp = smtp()) {
            for (String from : List.of("deals@shop.example", "news@shop.example", "ann@example.org",
                    "bob@example.org")) {
                SmtpClient.expect(250, smtp.send(from, message(from, first.get("address").asText(), "Hi", "x\r\n"),
                        first.get("address").asText()));
            }
            SmtpClient.expect(250, smtp.send("deals@shop.example", message("deals@shop.example",
                    second.get("address").asText(), "Hi", "x\r\n"), second.get("address").asText()));
        }
        Map<String, String> bySender = new HashMap<>();
        awaitListed(account, firstId, 4).forEach(email ->
                bySender.put(email.get("fromAddress").asText(), "/api/v1/pub/email/" + email.get("id").asText()));
        awaitListed(account, second.get("id").asText(), 1);
        assertTotals(account, first, second, Map.of("INBOX", 5));

        account.patch(bySender.get("deals@shop.example"), Map.of("starred", true)).expect(200);
        account.patch(bySender.get("news@shop.example"), Map.of("starred", true, "folder", "SPAM")).expect(200);
        account.delete(bySender.get("ann@example.org")).expect(202);
        assertTotals(account, first, second, Map.of("INBOX", 3, "SPAM", 1, "TRASH", 1, "STARRED", 2));

        account.post("/api/v1/account/mute-rules", Map.of("pattern", "shop.example")).expect(201);
        account.post("/api/v1/account/mute-rules", Map.of("pattern", "bob@example.org")).expect(201);
        assertTotals(account, first, second, Map.of("SPAM", 1, "TRASH", 1, "STARRED", 2, "MUTED", 3));

        account.delete(bySender.get("news@shop.example")).expect(202);
        account.delete(bySender.get("news@shop.example") + "?permanent=true").expect(202);
        account.delete("/api/v1/account/mute-rules/bob@example.org").expect(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertTotals(account, first, second, Map.of("INBOX", 1, "TRASH", 1, "STARRED", 1, "MUTED", 2)));
    }

    /** Each folder's X-Total-Count, per mailbox and over both, equals what the list shows in full. */
    private static void assertTotals(Api.Client account, JsonNode first, JsonNode second,
                                     Map<String, Integer> expectedOverBoth) {
        for (String folder : List.of("INBOX", "SENT", "DRAFTS", "TRASH", "SPAM", "STARRED", "MUTED")) {
            int overBoth = 0;
            for (String scope : List.of("&mailboxId=" + first.get("id").asText(),
                    "&mailboxId=" + second.get("id").asText(), "")) {
                Api.Response list = account.get("/api/v1/pub/email?limit=100&folder=" + folder + scope).expect(200);
                assertThat(Long.parseLong(list.header("X-Total-Count"))).as(folder + scope)
                        .isEqualTo(list.json().size());
                overBoth = list.json().size();
            }
            assertThat(overBoth).as(folder).isEqualTo(expectedOverBoth.getOrDefault(folder, 0));
        }
    }

    @Test
    void badListParametersAndPatchBodiesAreValidationErrors() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String id = receive(account, mailbox, message("bob@example.org", mailbox.get("address").asText(),
                "Validation", "body\r\n"));

        assertProblem(account.get("/api/v1/pub/email?folder=OUTBOX"), 400, "ValidationFailed", "folder");
        assertProblem(account.get("/api/v1/pub/email?limit=101"), 400, "ValidationFailed", "limit");
        assertProblem(account.get("/api/v1/pub/email?offset=-1"), 400, "ValidationFailed", "offset");
        assertThat(account.get("/api/v1/pub/email?mailboxId=not-a-uuid").status()).isEqualTo(404);
        assertProblem(account.patch("/api/v1/pub/email/" + id, Map.of("folder", "STARRED")), 400,
                "ValidationFailed", "folder");
        assertProblem(account.patch("/api/v1/pub/email/" + id, Map.of("unread", true)), 400, "ValidationFailed",
                "unread");
        assertProblem(account.patch("/api/v1/pub/email/" + id, Map.of("read", "yes")), 400, "ValidationFailed",
                "read");
        assertThat(account.get("/api/v1/pub/email/not-a-uuid").status()).isEqualTo(404);
        assertThat(account.get("/api/v1/pub/email/" + id + "/attachments/0").status()).isEqualTo(404);
        assertThat(account.get("/api/v1/pub/email/" + id + "/attachments/x").status()).isEqualTo(404);
    }

    @Test
    void readingMailNeedsTheEmailReadScope() {
        Api.Client account = admin().newAccount("PRO");
        String token = account.post("/api/v1/account/tokens", Map.of("label", "mailboxes only",
                "scopes", new String[]{"mailboxes:read"})).expect(201).json().get("plaintext").asText();
        Api.Client limited = api().as(token);

        JsonNode problem = limited.get("/api/v1/pub/email").expect(403).json();
        assertThat(problem.get("code").asText()).isEqualTo("InsufficientScope");
        assertThat(problem.get("requiredScopes").get(0).asText()).isEqualTo("email:read");
    }

    @Test
    void attachmentsDownloadWithTheirTypeAndBothFilenameForms() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String address = mailbox.get("address").asText();
        byte[] pdf = "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII);
        String message = "From: bob@example.org\r\nTo: " + address + "\r\nSubject: Menu\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p onclick=\"steal()\">Hi<script>alert(1)</script><img src=\"https://example.org/x.png\"></p>\r\n"
                + "--b1\r\nContent-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''Men%C3%BC%20%22fr%C3%BCh%22.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(pdf) + "\r\n"
                + "--b1--\r\n";
        String id = receive(account, mailbox, message.getBytes(StandardCharsets.UTF_8));

        JsonNode detail = account.get("/api/v1/pub/email/" + id).expect(200).json();
        assertThat(detail.get("hasAttachments").asBoolean()).isTrue();
        assertThat(detail.get("attachments").get(0).get("filename").asText()).isEqualTo("Menü \"früh\".pdf");
        assertThat(detail.get("attachments").get(0).get("sizeBytes").asLong()).isEqualTo(pdf.length);
        String html = detail.get("bodyHtml").asText();
        assertThat(html).contains("Hi").contains("https://example.org/x.png")
                .doesNotContain("<script").doesNotContain("onclick").doesNotContain("alert(1)");

        HttpResponse<byte[]> download = account.download("/api/v1/pub/email/" + id + "/attachments/0");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Men_ _fr_h_.pdf\"; filename*=UTF-8''Men%C3%BC%20%22fr%C3%BCh%22.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(account.get("/api/v1/pub/email/" + id + "/attachments/1").status()).isEqualTo(404);
    }

    private String receive(Api.Client account, JsonNode mailbox, byte[] message) {
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.send("bob@example.org", message, mailbox.get("address").asText()));
        }
        return awaitListed(account, mailbox.get("id").asText(), 1).get(0).get("id").asText();
    }

    private static Long[] counters(Api.Client account, String mailboxId) {
        JsonNode mailbox = account.get("/api/v1/pub/mailboxes/" + mailboxId).expect(200).json();
        return new Long[]{mailbox.get("emailCount").asLong(), mailbox.get("unreadCount").asLong()};
    }

    private static void assertProblem(Api.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        assertThat(response.json().get("detail").asText()).startsWith(field);
    }
}
