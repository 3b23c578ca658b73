package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;

/** Answers the {@link AttachmentView} at {@code index}, or nothing when out of range or gone. */
public record GetAttachmentQuery(AccountId accountId, EmailId emailId, int index) {
}
