package com.qmailing.events.export;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ExportId;

/**
 * Answers {@code Optional<ExportFileView>} once the export is DONE: where its ZIP lies in the data
 * folder of the node that wrote it (a split deployment shares that folder with its API nodes).
 */
public record GetExportFileQuery(AccountId accountId, ExportId exportId) {
}
