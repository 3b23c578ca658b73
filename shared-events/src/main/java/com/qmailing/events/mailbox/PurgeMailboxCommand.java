package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the deletion saga once the mailbox's emails are purged: purges the mailbox itself.
 * Refused ({@code Conflict}) unless it is deleted and its purge date has come; repeating it after
 * the purge records nothing new.
 */
public record PurgeMailboxCommand(@TargetAggregateIdentifier MailboxId mailboxId, AccountId accountId) {
}
