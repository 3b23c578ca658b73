package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Gone for good: the raw message is deleted and the email's key shredded, so its sealed headers
 * read as null everywhere. {@code sizeBytes} is what its mailbox no longer stores.
 */
@Revision("1")
public record EmailPurgedEvent(EmailId emailId, AccountId accountId, MailboxId mailboxId, long sizeBytes,
                               Instant purgedAt) {
}
