package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The point of no return of a mailbox purge: its emails are now purged batch by batch, each batch
 * committing on its own, so the mailbox can no longer be restored. {@link MailboxPurgedEvent}
 * follows once every email is gone.
 */
@Revision("1")
public record MailboxPurgeStartedEvent(MailboxId mailboxId, AccountId accountId, Instant startedAt) {
}
