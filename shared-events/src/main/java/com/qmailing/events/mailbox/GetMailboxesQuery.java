package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;

import java.util.List;

/**
 * Answers {@code List<MailboxView>} of those of the given mailboxes that belong to the account, in
 * no particular order; one that is gone or another account's is left out.
 */
public record GetMailboxesQuery(AccountId accountId, List<MailboxId> mailboxIds) {
}
