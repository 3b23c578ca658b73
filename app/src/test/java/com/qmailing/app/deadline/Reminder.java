package com.qmailing.app.deadline;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.context.annotation.Profile;

import java.time.Duration;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A test-only aggregate that schedules one durable deadline and records each time it fires, so a
 * test can count firings in the event store. No production aggregate schedules a deadline yet; the
 * profile keeps it out of every other test's application context. Its messages live here rather than
 * in {@code shared-events} because they are scaffolding, not part of the system's language.
 */
@Aggregate
@Profile(Reminder.PROFILE)
class Reminder {

    static final String PROFILE = "reminder-deadline-test";
    static final String DEADLINE = "reminder-due";

    @AggregateIdentifier
    private String reminderId;

    Reminder() {
    }

    @CommandHandler
    Reminder(ScheduleReminderCommand command, DeadlineManager deadlines) {
        apply(new ReminderScheduledEvent(command.reminderId()))
                .andThen(() -> deadlines.schedule(command.delay(), DEADLINE, new ReminderDue(command.reminderId())));
    }

    @EventSourcingHandler
    void on(ReminderScheduledEvent event) {
        reminderId = event.reminderId();
    }

    /** Applies an event on every call: a deadline delivered twice shows up as two events. */
    @DeadlineHandler(deadlineName = DEADLINE)
    void on(ReminderDue due) {
        apply(new ReminderFiredEvent(due.reminderId()));
    }

    record ScheduleReminderCommand(@TargetAggregateIdentifier String reminderId, Duration delay) {
    }

    @Revision("1")
    record ReminderScheduledEvent(String reminderId) {
    }

    @Revision("1")
    record ReminderFiredEvent(String reminderId) {
    }

    /** The deadline's payload: serialised into db-scheduler's table and read back by the next process. */
    record ReminderDue(String reminderId) {
    }
}
