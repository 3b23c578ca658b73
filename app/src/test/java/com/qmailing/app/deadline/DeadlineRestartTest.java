package com.qmailing.app.deadline;

import com.qmailing.app.QMailingApplication;
import com.qmailing.app.deadline.Reminder.ReminderFiredEvent;
import com.qmailing.app.deadline.Reminder.ScheduleReminderCommand;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.testing.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 30-day purge rests on this: a deadline scheduled by one process is kept in PostgreSQL
 * (db-scheduler) and fired by the next process on the same database, exactly once, even when it
 * fell due while no process was running.
 */
class DeadlineRestartTest {

    /** Long enough that the first process is closed before it falls due. */
    private static final Duration DELAY = Duration.ofSeconds(5);
    /** db-scheduler's task name for Axon's deadlines (binary form, as the Boot auto-configuration registers it). */
    private static final String DEADLINE_TASK = "AxonDeadline";

    @TempDir
    Path dataDir;

    @Test
    void aDeadlineThatFellDueWhileNoProcessRanFiresOnceOnTheNextStart() throws Exception {
        String database = TestDatabase.freshDatabaseUrl();
        String reminder = UUID.randomUUID().toString();

        Instant due;
        try (ConfigurableApplicationContext first = start(database)) {
            due = Instant.now().plus(DELAY);
            first.getBean(CommandGateway.class).sendAndWait(new ScheduleReminderCommand(reminder, DELAY));
        }
        assertThat(firings(database, reminder)).as("fired before the restart; DELAY is too short").isZero();
        assertThat(pendingDeadlines(database)).isEqualTo(1);
        // Overdue at start-up is the case db-scheduler delays by minutes unless it starts with the context.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 500);

        ConfigurableApplicationContext second = start(database);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> firings(database, reminder) > 0);
            // Several polling intervals (1 s) with the deadline still fired once and nothing left to fire.
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> firings(database, reminder) == 1);
            assertThat(pendingDeadlines(database)).isZero();
        } finally {
            second.close();
        }
    }

    private ConfigurableApplicationContext start(String database) {
        // Command-line arguments, because application.yml's own values outrank default properties.
        return new SpringApplicationBuilder(QMailingApplication.class)
                .profiles(Reminder.PROFILE)
                .run("--qmailing.db.url=" + database,
                        "--qmailing.data-dir=" + dataDir,
                        "--qmailing.bootstrap-token=" + IntegrationTest.BOOTSTRAP_TOKEN,
                        "--server.port=0",
                        "--qmailing.smtp.port=0");
    }

    private static long firings(String database, String reminder) throws SQLException {
        return count(database, "select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = ?", reminder, ReminderFiredEvent.class.getName());
    }

    private static long pendingDeadlines(String database) throws SQLException {
        return count(database, "select count(*) from scheduled_tasks where task_name = ?", DEADLINE_TASK);
    }

    private static long count(String database, String sql, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
