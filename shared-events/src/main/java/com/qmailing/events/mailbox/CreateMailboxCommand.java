package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.MailboxId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a hosted mailbox. The address must be on the primary or a verified domain of the
 * account, unique case-insensitively, and within the plan's mailbox quota.
 */
public record CreateMailboxCommand(@TargetAggregateIdentifier MailboxId mailboxId, AccountId accountId,
                                   EmailAddress address, String displayName, EmailAddress forwardTo,
                                   boolean forwardOnly) {
}
