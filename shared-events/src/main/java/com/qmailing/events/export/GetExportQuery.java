package com.qmailing.events.export;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ExportId;

/** Answers {@code Optional<ExportView>}: empty also when the export is another account's. */
public record GetExportQuery(AccountId accountId, ExportId exportId) {
}
