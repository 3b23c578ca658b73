package com.qmailing.query.requestlog;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Deletes request metadata older than {@code QMAILING_REQUEST_LOG_RETENTION} (30 days by default,
 * promise P6). A db-scheduler task, so that one node of a cluster runs it and a restart does not
 * skip it.
 */
@Configuration(proxyBeanMethods = false)
class RequestLogRetention {

    private static final Logger log = LoggerFactory.getLogger(RequestLogRetention.class);

    @Bean
    RecurringTask<Void> requestLogPurge(RequestLog requestLog, Clock clock,
                                        @Value("${qmailing.request-log-retention:P30D}") Duration retention,
                                        @Value("${qmailing.request-log-purge-interval:PT1H}") Duration interval) {
        return Tasks.recurring("request-log-purge", FixedDelay.of(interval))
                .execute((instance, context) -> {
                    int deleted = requestLog.deleteOlderThan(clock.instant().minus(retention));
                    if (deleted > 0) {
                        log.info("Request log: deleted {} entries older than {}", deleted, retention);
                    }
                });
    }
}
