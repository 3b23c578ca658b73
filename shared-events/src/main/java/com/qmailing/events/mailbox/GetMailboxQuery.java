package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;

/** Answers {@code Optional<MailboxView>}: empty also when the mailbox belongs to another account. */
public record GetMailboxQuery(AccountId accountId, MailboxId mailboxId) {
}
