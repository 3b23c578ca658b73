package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Soft-deleted: the mailbox stops receiving, its address stays reserved, and at {@code purgeAt}
 * it is purged with all its mail unless it is restored before.
 */
@Revision("1")
public record MailboxDeletedEvent(MailboxId mailboxId, AccountId accountId, Instant deletedAt, Instant purgeAt) {
}
