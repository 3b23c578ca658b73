package com.qmailing.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The few steps most mail scenarios start with, through the public API and real SMTP. */
public final class Mailing {

    private Mailing() {
    }

    public static String uniqueLocalPart(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static JsonNode createMailbox(Api.Client account, String localPart) {
        return account.post("/api/v1/pub/mailboxes", Map.of("localPart", localPart)).expect(201).json();
    }

    /** One message over SMTP, answered 250 once it is stored. */
    public static void deliver(SmtpClient smtp, String to, String subject, String body) {
        try (smtp) {
            SmtpClient.expect(250, smtp.send("sender@example.org",
                    TestMessages.plain("sender@example.org", to, subject, body), to));
        }
    }

    /** The mailbox's folder once it lists exactly {@code count} emails. */
    public static JsonNode awaitEmails(Api.Client account, String mailboxId, String folder, int count) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> account.get("/api/v1/pub/email?mailboxId=" + mailboxId + "&folder=" + folder)
                        .expect(200).json(), listed -> listed.size() == count);
    }
}
