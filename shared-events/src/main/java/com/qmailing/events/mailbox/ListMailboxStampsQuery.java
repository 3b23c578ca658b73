package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;

/** Answers {@code List<MailboxStamp>} of the account, in the order of {@link ListMailboxesQuery}. */
public record ListMailboxStampsQuery(AccountId accountId) {
}
