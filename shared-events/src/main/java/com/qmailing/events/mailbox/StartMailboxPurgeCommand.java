package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the deletion saga before it purges the first batch of the mailbox's emails: closes the
 * door to a restore. Refused ({@code Conflict}) unless the mailbox is deleted and its purge date has
 * come; repeating it once started (or purged) records nothing new.
 */
public record StartMailboxPurgeCommand(@TargetAggregateIdentifier MailboxId mailboxId, AccountId accountId) {
}
