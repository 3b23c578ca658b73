package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record MailboxRestoredEvent(MailboxId mailboxId, AccountId accountId, Instant restoredAt) {
}
