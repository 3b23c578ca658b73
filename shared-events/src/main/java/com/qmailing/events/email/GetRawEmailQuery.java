package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;

/**
 * Answers the {@link RawEmailView}: the exact bytes received or sent. Nothing when the email is
 * unknown, another account's, or purged (its key shredded).
 */
public record GetRawEmailQuery(AccountId accountId, EmailId emailId) {
}
