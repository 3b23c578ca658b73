package com.qmailing.api.mailbox;

import com.qmailing.events.mailbox.MailboxStatus;

import java.time.Instant;

/** The answer to {@code DELETE /mailboxes/{id}}: deleted now, purged for good at {@code purgeAt}. */
public record DeletedMailboxResponse(String id, MailboxStatus status, Instant purgeAt) {
}
