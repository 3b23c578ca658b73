package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Soft-deletes a mailbox; answers the {@code Instant} it will be purged at (the first one, when asked again). */
public record DeleteMailboxCommand(@TargetAggregateIdentifier MailboxId mailboxId, AccountId accountId) {
}
