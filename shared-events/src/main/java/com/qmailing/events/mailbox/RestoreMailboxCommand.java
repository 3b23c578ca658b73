package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Brings a soft-deleted mailbox back; restoring one that is not deleted changes nothing. */
public record RestoreMailboxCommand(@TargetAggregateIdentifier MailboxId mailboxId, AccountId accountId) {
}
