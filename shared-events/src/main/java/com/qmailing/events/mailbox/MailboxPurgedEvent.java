package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Gone for good, after all its emails (purged batch by batch since {@link MailboxPurgeStartedEvent}):
 * its key is shredded and its address is free again.
 */
@Revision("1")
public record MailboxPurgedEvent(MailboxId mailboxId, AccountId accountId, Instant purgedAt) {
}
