package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Moved to the trash from {@code previousFolder}, where a restore brings it back; gone for good at {@code purgeAt}. */
@Revision("1")
public record EmailTrashedEvent(EmailId emailId, AccountId accountId, MailboxId mailboxId, Folder previousFolder,
                                Instant trashedAt, Instant purgeAt) {
}
