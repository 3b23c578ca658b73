package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;

/** Answers the {@code EmailId} of the SENT copy an Idempotency-Key already names, if any. */
public record FindIdempotentSendQuery(AccountId accountId, String idempotencyKey) {
}
