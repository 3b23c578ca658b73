package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;

/** Answers the {@link EmailView}, or nothing when the email is unknown or another account's. */
public record GetEmailQuery(AccountId accountId, EmailId emailId) {
}
