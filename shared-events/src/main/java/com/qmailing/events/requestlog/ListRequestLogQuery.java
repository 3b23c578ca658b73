package com.qmailing.events.requestlog;

import com.qmailing.events.common.AccountId;

/** Answers a {@link RequestLogPage}, newest first. */
public record ListRequestLogQuery(AccountId accountId, int offset, int limit) {
}
