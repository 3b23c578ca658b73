package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;

/**
 * Answers an {@link EmailPage}, newest first. A null {@code mailboxId} is the unified view over
 * all the account's mailboxes.
 */
public record ListEmailsQuery(AccountId accountId, MailboxId mailboxId, Folder folder, int offset, int limit) {
}
