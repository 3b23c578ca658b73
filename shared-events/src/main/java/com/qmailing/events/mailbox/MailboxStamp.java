package com.qmailing.events.mailbox;

import com.qmailing.events.common.MailboxId;

/**
 * A mailbox's place in its account's list, the version of its row (new whenever anything but the
 * counters changes) and its counters: what a reader needs to tell whether a copy it keeps of the
 * mailbox is still current.
 */
public record MailboxStamp(MailboxId mailboxId, long version, long emailCount, long unreadCount, long sizeBytes) {
}
