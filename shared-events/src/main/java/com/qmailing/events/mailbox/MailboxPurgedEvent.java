package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Gone for good, with all its emails (their purges commit in the same transaction): its key is
 * shredded and its address is free again.
 */
@Revision("1")
public record MailboxPurgedEvent(MailboxId mailboxId, AccountId accountId, Instant purgedAt) {
}
