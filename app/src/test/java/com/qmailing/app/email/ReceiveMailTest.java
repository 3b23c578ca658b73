package com.qmailing.app.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SmtpClient;
import com.qmailing.app.support.TestMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ReceiveMailTest extends IntegrationTest {

    @Value("${qmailing.data-dir}")
    private Path dataDir;

    @Test
    void aMessageAcceptedWith250IsListedReadableAndByteExact() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String address = mailbox.get("address").asText();
        byte[] message = message("bob@example.org", address, "Tea at four?", "Shall we meet at four?\r\n");

        String reply;
        try (SmtpClient smtp = smtp()) {
            reply = smtp.send("bob@example.org", message, address);
        }

        assertThat(reply).startsWith("250");
        JsonNode listed = awaitListed(account, mailbox.get("id").asText(), 1).get(0);
        assertThat(listed.get("folder").asText()).isEqualTo("INBOX");
        assertThat(listed.get("fromAddress").asText()).isEqualTo("bob@example.org");
        assertThat(listed.get("toAddress").asText()).isEqualTo(address);
        assertThat(listed.get("subject").asText()).isEqualTo("Tea at four?");
        assertThat(listed.get("previewText").asText()).isEqualTo("Shall we meet at four?");
        assertThat(listed.get("read").asBoolean()).isFalse();
        assertThat(listed.get("hasAttachments").asBoolean()).isFalse();
        assertThat(listed.fieldNames()).toIterable().containsExactly("id", "mailboxId", "folder", "fromAddress",
                "toAddress", "cc", "subject", "previewText", "read", "starred", "muted", "suspicious",
                "suspiciousReason", "hasAttachments", "receivedAt");

        String id = listed.get("id").asText();
        JsonNode detail = account.get("/api/v1/pub/email/" + id).expect(200).json();
        assertThat(detail.get("bodyText").asText()).contains("Shall we meet at four?");
        assertThat(detail.get("messageId").asText()).isEqualTo("<" + messageIdOf(message) + ">");
        assertThat(detail.get("sizeBytes").asLong()).isEqualTo(message.length);
        assertThat(detail.get("threadId").asText()).isNotBlank();

        HttpResponse<byte[]> raw = account.download("/api/v1/pub/email/" + id + "/raw");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).hasValue("message/rfc822");
        assertThat(raw.body()).isEqualTo(message);

        JsonNode counted = account.get("/api/v1/pub/mailboxes/" + mailbox.get("id").asText()).expect(200).json();
        assertThat(counted.get("emailCount").asLong()).isEqualTo(1);
        assertThat(counted.get("unreadCount").asLong()).isEqualTo(1);
        assertThat(counted.get("sizeBytes").asLong()).isEqualTo(message.length);
    }

    @Test
    void mailArrivesOverStartTlsWithTheConfiguredCertificate() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String address = mailbox.get("address").asText();

        try (SmtpClient smtp = smtp()) {
            assertThat(smtp.ehlo()).contains("STARTTLS");
            assertThat(smtp.startTls()).contains("250 Ok");
            assertThat(smtp.isEncrypted()).isTrue();
            assertThat(smtp.send("bob@example.org", message("bob@example.org", address, "Sealed", "tls\r\n"),
                    address)).startsWith("250");
        }

        assertThat(awaitListed(account, mailbox.get("id").asText(), 1).get(0).get("subject").asText())
                .isEqualTo("Sealed");
    }

    @Test
    void dotLinesArriveUnstuffedAndAPipelinedNextTransactionIsNotTakenForMessage() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String address = mailbox.get("address").asText();
        byte[] dotted = message("bob@example.org", address, "Dots",
                ".leading dot\r\n..two dots\r\n.\r\nmid.dle\r\n");
        byte[] next = message("bob@example.org", address, "Next", "after the pipelined MAIL\r\n");

        String[] replies;
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.mailFrom("bob@example.org"));
            SmtpClient.expect(250, smtp.rcptTo(address));
            replies = smtp.dataThen(dotted, "MAIL FROM:<carol@example.org>");
            SmtpClient.expect(250, smtp.rcptTo(address));
            assertThat(smtp.data(next)).startsWith("250");
        }

        assertThat(replies[0]).startsWith("250");
        assertThat(replies[1]).startsWith("250");
        JsonNode listed = awaitListed(account, mailbox.get("id").asText(), 2);
        for (JsonNode email : listed) {
            byte[] expected = email.get("subject").asText().equals("Dots") ? dotted : next;
            assertThat(account.download("/api/v1/pub/email/" + email.get("id").asText() + "/raw").body())
                    .isEqualTo(expected);
        }
    }

    @Test
    void recipientsAreMatchedCaseInsensitivelyAndWithoutTheirTag() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String local = mailbox.get("localPart").asText();
        String tagged = local.toUpperCase() + "+news@QMAILING.local";

        try (SmtpClient smtp = smtp()) {
            assertThat(smtp.send("bob@example.org", message("bob@example.org", tagged, "Tagged", "hi\r\n"), tagged))
                    .startsWith("250");
        }

        assertThat(awaitListed(account, mailbox.get("id").asText(), 1).get(0).get("subject").asText())
                .isEqualTo("Tagged");
    }

    @Test
    void unknownRecipientsAndOtherDomainsAreRefusedAtRcpt() {
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.mailFrom("bob@example.org"));
            assertThat(smtp.rcptTo("nobody-" + UUID.randomUUID() + "@qmailing.local")).startsWith("550 5.1.1");
            assertThat(smtp.rcptTo("someone@example.org")).startsWith("550 5.7.1");
            assertThat(smtp.rcptTo("not an address")).startsWith("553 5.1.3");
            assertThat(smtp.command("DATA")).startsWith("503");
        }
    }

    @Test
    void aMessageForTwoMailboxesIsStoredOncePerMailbox() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode first = createMailbox(account);
        JsonNode second = createMailbox(account);
        byte[] message = message("bob@example.org", first.get("address").asText(), "For both", "hello\r\n");

        try (SmtpClient smtp = smtp()) {
            assertThat(smtp.send("bob@example.org", message, first.get("address").asText(),
                    second.get("address").asText(), first.get("address").asText())).startsWith("250");
        }

        String a = awaitListed(account, first.get("id").asText(), 1).get(0).get("id").asText();
        String b = awaitListed(account, second.get("id").asText(), 1).get(0).get("id").asText();
        assertThat(a).isNotEqualTo(b);
        assertThat(account.download("/api/v1/pub/email/" + b + "/raw").body()).isEqualTo(message);
        JsonNode unified = account.get("/api/v1/pub/email").expect(200).json();
        assertThat(unified).hasSize(2);
    }

    @Test
    void moreThanAHundredRecipientsAreAnswered452() {
        Api.Client account = admin().newAccount("PRO");
        String address = createMailbox(account).get("address").asText();
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.mailFrom("bob@example.org"));
            for (int i = 0; i < 100; i++) {
                SmtpClient.expect(250, smtp.rcptTo(address));
            }
            assertThat(smtp.rcptTo(address)).startsWith("452");
        }
    }

    /**
     * The quota counts what the account stores, folded every second (ADR 14): once a message takes
     * it past its plan's bytes, the next {@code RCPT} for any of its mailboxes is a temporary refusal.
     */
    @Test
    void anAccountThatHasUsedItsStorageIsAnswered452AtRcptAndKeepsWhatItHas() {
        Api.Client account = admin().newAccount("PRO_PLUS");
        JsonNode mailbox = createMailbox(account);
        String address = mailbox.get("address").asText();
        String other = createMailbox(account).get("address").asText();
        byte[] large = message("bob@example.org", address, "Big", ("x".repeat(76) + "\r\n").repeat(260));

        try (SmtpClient smtp = smtp()) {
            assertThat(smtp.send("bob@example.org", large, address)).startsWith("250");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (SmtpClient smtp = smtp()) {
                SmtpClient.expect(250, smtp.mailFrom("bob@example.org"));
                assertThat(smtp.rcptTo(other)).startsWith("452 4.2.2");
            }
        });
        assertThat(awaitListed(account, mailbox.get("id").asText(), 1)).hasSize(1);
    }

    /** The blob folder replaced by a file: every write fails the way a full or broken disk would. */
    @Test
    void aMessageThatCannotBeStoredIsAnswered451AndTheRetryIsStored() throws IOException {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String address = mailbox.get("address").asText();
        byte[] message = message("bob@example.org", address, "Retried", "again\r\n");
        Path accountBlobs = dataDir.resolve("blobs").resolve(account.accountId());
        Files.createDirectories(accountBlobs.getParent());
        Files.writeString(accountBlobs, "not a folder");
        try {
            try (SmtpClient smtp = smtp()) {
                assertThat(smtp.send("bob@example.org", message, address)).startsWith("451 4.3.0");
            }
        } finally {
            Files.delete(accountBlobs);
        }
        try (SmtpClient smtp = smtp()) {
            assertThat(smtp.send("bob@example.org", message, address)).startsWith("250");
        }
        JsonNode listed = awaitListed(account, mailbox.get("id").asText(), 1);
        assertThat(listed.get(0).get("subject").asText()).isEqualTo("Retried");
    }

    /** The download streams verified segments: it is byte-exact, and an altered segment ends it short. */
    @Test
    void aRawDownloadOfSeveralSegmentsIsExactAndStopsShortAtAnAlteredOne() throws IOException {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String address = mailbox.get("address").asText();
        byte[] message = message("bob@example.org", address, "Long", ("y".repeat(76) + "\r\n").repeat(4_000));
        try (SmtpClient smtp = smtp()) {
            assertThat(smtp.send("bob@example.org", message, address)).startsWith("250");
        }
        String id = awaitListed(account, mailbox.get("id").asText(), 1).get(0).get("id").asText();
        String path = "/api/v1/pub/email/" + id + "/raw";

        HttpResponse<byte[]> whole = account.download(path);
        assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(message.length);
        assertThat(whole.body()).isEqualTo(message);

        Path blob = dataDir.resolve("blobs").resolve(account.accountId()).resolve(id + ".blob");
        byte[] stored = Files.readAllBytes(blob);
        // Format byte, nonce prefix, two whole segments with their tags: then a byte of the third.
        stored[1 + 8 + 2 * (64 * 1024 + 16) + 10] ^= 1;
        Files.write(blob, stored);
        assertThatThrownBy(() -> account.download(path)).as("the response ends before its Content-Length")
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedBeforeData() {
        try (SmtpClient smtp = smtp()) {
            assertThat(smtp.ehlo()).contains("SIZE 26214400").contains("8BITMIME");
            assertThat(smtp.command("MAIL FROM:<bob@example.org> SIZE=26214401")).startsWith("552");
        }
    }

    /** SIZE only sizes the buffer DATA is read into: whatever the client announced, the bytes sent are stored. */
    @Test
    void aDeclaredSizeThatIsRightTooSmallOrTooLargeStoresExactlyTheBytesSent() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String address = mailbox.get("address").asText();
        String body = ("x".repeat(76) + "\r\n").repeat(2_600);
        Map<String, byte[]> sent = new HashMap<>();
        try (SmtpClient smtp = smtp()) {
            smtp.ehlo();
            for (String declared : new String[] {"exact", "smaller", "larger"}) {
                byte[] message = message("bob@example.org", address, "Size " + declared, body);
                int size = switch (declared) {
                    case "exact" -> message.length;
                    case "smaller" -> message.length - 70_000;
                    default -> message.length + 70_000;
                };
                SmtpClient.expect(250, smtp.command("MAIL FROM:<bob@example.org> SIZE=" + size));
                SmtpClient.expect(250, smtp.rcptTo(address));
                assertThat(smtp.data(message)).as(declared).startsWith("250");
                sent.put("Size " + declared, message);
            }
        }

        for (JsonNode listed : awaitListed(account, mailbox.get("id").asText(), 3)) {
            byte[] raw = account.download("/api/v1/pub/email/" + listed.get("id").asText() + "/raw").body();
            assertThat(raw).as(listed.get("subject").asText()).isEqualTo(sent.get(listed.get("subject").asText()));
        }
    }

    @Test
    void aMessageOverTheLimitIsRefusedWith552AndNothingIsStored() {
        Api.Client account = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(account);
        String address = mailbox.get("address").asText();
        byte[] head = message("bob@example.org", address, "Too big", "").clone();
        byte[] big = new byte[26_214_400 + 10];
        System.arraycopy(head, 0, big, 0, head.length);
        for (int i = head.length; i < big.length; i++) {
            big[i] = (byte) ((i % 78 == 77) ? '\n' : 'x');
        }

        try (SmtpClient smtp = smtp()) {
            assertThat(smtp.send("bob@example.org", SmtpClient.crlf(big), address)).startsWith("552 5.3.4");
        }
        try (SmtpClient smtp = smtp()) {
            assertThat(smtp.send("bob@example.org", message("bob@example.org", address, "Small", "ok\r\n"), address))
                    .startsWith("250");
        }

        JsonNode listed = awaitListed(account, mailbox.get("id").asText(), 1);
        assertThat(listed.get(0).get("subject").asText()).isEqualTo("Small");
    }

    @Test
    void anotherAccountsEmailIsNotFoundEverywhere() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Client stranger = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(owner);
        String address = mailbox.get("address").asText();
        try (SmtpClient smtp = smtp()) {
            smtp.send("bob@example.org", message("bob@example.org", address, "Private", "secret\r\n"), address);
        }
        String id = awaitListed(owner, mailbox.get("id").asText(), 1).get(0).get("id").asText();

        String email = "/api/v1/pub/email/" + id;
        assertThat(stranger.get(email).status()).isEqualTo(404);
        assertThat(stranger.get(email + "/raw").status()).isEqualTo(404);
        assertThat(stranger.get(email + "/attachments/0").status()).isEqualTo(404);
        assertThat(stranger.patch(email, Map.of("read", true)).status()).isEqualTo(404);
        assertThat(stranger.delete(email).status()).isEqualTo(404);
        assertThat(stranger.post(email + "/restore", "").status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/pub/email?mailboxId=" + mailbox.get("id").asText()).status())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/pub/email").json()).isEmpty();
        assertThat(owner.get(email).json().get("read").asBoolean()).isFalse();
    }

    static byte[] message(String from, String to, String subject, String body) {
        return TestMessages.plain(from, to, subject, body);
    }

    static String messageIdOf(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        int start = text.indexOf("Message-ID: <") + "Message-ID: <".length();
        return text.substring(start, text.indexOf('>', start));
    }

    static JsonNode createMailbox(Api.Client account) {
        return account.post("/api/v1/pub/mailboxes", Map.of("localPart", "box-" + UUID.randomUUID()
                .toString().substring(0, 8))).expect(201).json();
    }

    static JsonNode awaitListed(Api.Client account, String mailboxId, int count) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> account.get("/api/v1/pub/email?mailboxId=" + mailboxId).expect(200).json(),
                        listed -> listed.size() == count);
    }
}
