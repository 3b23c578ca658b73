package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;

/** Answers {@code List<MailboxView>} of the account, oldest first. */
public record ListMailboxesQuery(AccountId accountId) {
}
