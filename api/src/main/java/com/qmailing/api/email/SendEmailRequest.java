package com.qmailing.api.email;

import java.util.List;

/** The {@code command} part of {@code POST /email/send}; snake_case keys on the wire, camelCase accepted. */
public record SendEmailRequest(String mailboxId, List<String> to, List<String> cc, List<String> bcc, String subject,
                               String bodyHtml, String bodyText, String replyToId) {
}
