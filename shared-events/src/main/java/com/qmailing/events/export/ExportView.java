package com.qmailing.events.export;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ExportId;

import java.time.Instant;

/** An export job and how far it got; {@code finishedAt} is set once it is DONE or FAILED. */
public record ExportView(ExportId id, AccountId accountId, ExportStatus status, long itemsDone, long itemsTotal,
                         Instant createdAt, Instant finishedAt) {
}
