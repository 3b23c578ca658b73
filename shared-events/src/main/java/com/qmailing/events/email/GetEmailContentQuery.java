package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;

/** Answers the {@link EmailContentView} parsed from the raw message, or nothing when it is gone. */
public record GetEmailContentQuery(AccountId accountId, EmailId emailId) {
}
