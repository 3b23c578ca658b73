package com.qmailing.query.export;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.common.ExportId;
import com.qmailing.events.export.ExportFileView;
import com.qmailing.events.export.ExportStatus;
import com.qmailing.events.export.ExportView;
import com.qmailing.events.export.GetExportFileQuery;
import com.qmailing.events.export.GetExportQuery;
import com.qmailing.events.export.StartExportCommand;
import com.qmailing.query.support.ProjectionGroups;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Export jobs (promise P9): started by their owner, read by their owner only, and gone with the
 * account's purge. The purge handler rides with the account projection to see the event; deleting
 * a purged account's exports again on a replay is harmless, and no reset touches them.
 */
@Component
@ProcessingGroup(ProjectionGroups.ACCOUNTS)
class AccountExports {

    private final ExportJobs jobs;
    private final ExportFiles files;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> exportTask;
    private final Clock clock;

    AccountExports(ExportJobs jobs, ExportFiles files, @Lazy SchedulerClient scheduler,
                   @Qualifier("accountExport") OneTimeTask<Void> exportTask, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.scheduler = scheduler;
        this.exportTask = exportTask;
        this.clock = clock;
    }

    /** The job and its task are written in one transaction: a task never runs for a job that was not stored. */
    @CommandHandler
    void handle(StartExportCommand command) {
        jobs.start(command.exportId(), command.accountId(), clock.instant());
        scheduler.schedule(exportTask.instance(command.exportId().toString()), clock.instant());
    }

    @QueryHandler
    Optional<ExportView> handle(GetExportQuery query) {
        return jobs.find(query.exportId()).filter(job -> job.accountId().equals(query.accountId()));
    }

    @QueryHandler
    Optional<ExportFileView> handle(GetExportFileQuery query) {
        return jobs.find(query.exportId())
                .filter(job -> job.accountId().equals(query.accountId()) && job.status() == ExportStatus.DONE)
                .map(job -> files.of(job.id()))
                .filter(Files::isRegularFile)
                .map(AccountExports::view);
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        for (ExportId export : jobs.ofAccount(event.accountId())) {
            files.delete(export);
            jobs.delete(export);
        }
    }

    private static ExportFileView view(Path file) {
        try {
            return new ExportFileView(file.toString(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
