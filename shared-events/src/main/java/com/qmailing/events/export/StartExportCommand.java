package com.qmailing.events.export;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ExportId;

/**
 * Starts assembling a ZIP of everything the account holds (promise P9), in the background. Not an
 * aggregate's command: an export is a job with progress, whose file goes after a few days.
 */
public record StartExportCommand(ExportId exportId, AccountId accountId) {
}
