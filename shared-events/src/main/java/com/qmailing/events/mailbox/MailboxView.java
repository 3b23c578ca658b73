package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;

import java.time.Instant;

public record MailboxView(MailboxId id, AccountId accountId, String address, String localPart, String domain,
                          String displayName, String forwardTo, boolean forwardOnly, MailboxStatus status,
                          long emailCount, long unreadCount, long sizeBytes, Instant createdAt) {
}
