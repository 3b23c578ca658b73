package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Moved between two folders, neither of them the trash (that is trashed / restored). */
@Revision("1")
public record EmailMovedEvent(EmailId emailId, AccountId accountId, MailboxId mailboxId, Folder from, Folder to,
                              Instant movedAt) {
}
