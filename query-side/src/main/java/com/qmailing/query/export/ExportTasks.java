package com.qmailing.query.export;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.qmailing.events.common.ExportId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Exports run as db-scheduler tasks: one node runs each, and a job cut off by a crash is run again
 * from the start. Finished exports go after {@code qmailing.export-retention}.
 */
@Configuration(proxyBeanMethods = false)
class ExportTasks {

    static final String EXPORT = "account-export";

    @Bean
    OneTimeTask<Void> accountExport(ExportWriter writer) {
        return Tasks.oneTime(EXPORT).execute((instance, context) -> writer.write(ExportId.parse(instance.getId())));
    }

    @Bean
    RecurringTask<Void> exportExpiry(ExportJobs jobs, ExportFiles files, Clock clock,
                                     @Value("${qmailing.export-retention:P7D}") Duration retention) {
        return Tasks.recurring("export-expiry", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    for (ExportId export : jobs.createdBefore(clock.instant().minus(retention))) {
                        files.delete(export);
                        jobs.delete(export);
                    }
                });
    }
}
