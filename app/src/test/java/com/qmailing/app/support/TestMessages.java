package com.qmailing.app.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Plain-text messages built in code, as a sending server would put them on the SMTP wire. */
public final class TestMessages {

    private TestMessages() {
    }

    public static byte[] plain(String from, String to, String subject, String body) {
        return ("From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@example.org>\r\n"
                + "Date: Mon, 23 Nov 2026 12:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }
}
