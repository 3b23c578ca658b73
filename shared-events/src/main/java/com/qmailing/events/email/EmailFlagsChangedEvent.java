package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record EmailFlagsChangedEvent(EmailId emailId, AccountId accountId, MailboxId mailboxId, boolean read,
                                     boolean starred, Instant changedAt) {
}
