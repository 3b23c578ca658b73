package com.qmailing.command.deletion;

import com.qmailing.command.history.AccountAggregates;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.PurgeEmailCommand;
import com.qmailing.events.mailbox.MailboxDeletedEvent;
import com.qmailing.events.mailbox.MailboxPurgedEvent;
import com.qmailing.events.mailbox.MailboxRestoredEvent;
import com.qmailing.events.mailbox.PurgeMailboxCommand;
import com.qmailing.events.mailbox.StartMailboxPurgeCommand;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class MailboxDeletionSagaTest {

    private static final MailboxId MAILBOX = MailboxId.parse("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a");
    private static final AccountId ACCOUNT = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final EmailId FIRST = EmailId.parse("0e1d2c3b-4a59-4687-b6a5-c4d3e2f1a0b9");
    private static final EmailId SECOND = EmailId.parse("1f2e3d4c-5b6a-4798-a7b6-d5e4f3a2b1c0");
    private static final EmailId THIRD = EmailId.parse("2a3b4c5d-6e7f-4809-b8c7-e6f5a4b3c2d1");
    private static final int BATCH = 2;
    private static final Instant DELETED_AT = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final MailboxDeletedEvent DELETED =
            new MailboxDeletedEvent(MAILBOX, ACCOUNT, DELETED_AT, DELETED_AT.plus(WINDOW));

    private final AccountAggregates aggregates = mock(AccountAggregates.class);
    private SagaTestFixture<MailboxDeletionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(MailboxDeletionSaga.class);
        fixture.registerResource(aggregates);
        fixture.registerResource(new PurgeBatchSize(BATCH));
    }

    @Test
    void deleteMailboxShouldSchedulePurgeAfterThirtyDays() {
        fixture.givenCurrentTime(DELETED_AT)
                .whenPublishingA(DELETED)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DELETED_AT.plus(WINDOW), PurgeSaga.PURGE)
                .expectNoDispatchedCommands();
    }

    @Test
    void thirtyDaysLaterTheEmailsGoInBatchesEachRunSchedulingTheNextUntilABatchIsNotFullThenTheMailbox() {
        when(aggregates.unpurgedEmailsOf(MAILBOX, BATCH))
                .thenReturn(List.of(FIRST, SECOND))
                .thenReturn(List.of(THIRD));

        fixture.givenCurrentTime(DELETED_AT)
                .andThenAPublished(DELETED)
                .whenTimeElapses(WINDOW)
                .expectDispatchedCommands(new StartMailboxPurgeCommand(MAILBOX, ACCOUNT),
                        new PurgeEmailCommand(FIRST, ACCOUNT, PurgeEmailCommand.Cause.MAILBOX_PURGED),
                        new PurgeEmailCommand(SECOND, ACCOUNT, PurgeEmailCommand.Cause.MAILBOX_PURGED),
                        new StartMailboxPurgeCommand(MAILBOX, ACCOUNT),
                        new PurgeEmailCommand(THIRD, ACCOUNT, PurgeEmailCommand.Cause.MAILBOX_PURGED),
                        new PurgeMailboxCommand(MAILBOX, ACCOUNT))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aFullLastBatchTakesOneMoreRunThatFindsNothingAndPurgesTheMailbox() {
        when(aggregates.unpurgedEmailsOf(MAILBOX, BATCH))
                .thenReturn(List.of(FIRST, SECOND))
                .thenReturn(List.of());

        fixture.givenCurrentTime(DELETED_AT)
                .andThenAPublished(DELETED)
                .whenTimeElapses(WINDOW)
                .expectDispatchedCommands(new StartMailboxPurgeCommand(MAILBOX, ACCOUNT),
                        new PurgeEmailCommand(FIRST, ACCOUNT, PurgeEmailCommand.Cause.MAILBOX_PURGED),
                        new PurgeEmailCommand(SECOND, ACCOUNT, PurgeEmailCommand.Cause.MAILBOX_PURGED),
                        new StartMailboxPurgeCommand(MAILBOX, ACCOUNT),
                        new PurgeMailboxCommand(MAILBOX, ACCOUNT))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anEmptyMailboxIsPurgedInOneRun() {
        when(aggregates.unpurgedEmailsOf(MAILBOX, BATCH)).thenReturn(List.of());

        fixture.givenCurrentTime(DELETED_AT)
                .andThenAPublished(DELETED)
                .whenTimeElapses(WINDOW)
                .expectDispatchedCommands(new StartMailboxPurgeCommand(MAILBOX, ACCOUNT),
                        new PurgeMailboxCommand(MAILBOX, ACCOUNT))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aFailingBatchFailsTheDeadlineRunSoTheDeadlineManagerRunsItAgainRatherThanSkippingAhead() {
        when(aggregates.unpurgedEmailsOf(MAILBOX, BATCH)).thenReturn(List.of(FIRST, SECOND));
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof PurgeEmailCommand purge && purge.emailId().equals(SECOND)) {
                throw new IllegalStateException("the blob store went away");
            }
            return null;
        });

        assertThatThrownBy(() -> fixture.givenCurrentTime(DELETED_AT)
                .andThenAPublished(DELETED)
                .whenTimeElapses(WINDOW))
                .hasRootCauseMessage("the blob store went away");
    }

    @Test
    void aRestoreOnDay29EndsTheSagaAndNothingIsPurged() throws Exception {
        fixture.givenCurrentTime(DELETED_AT)
                .andThenAPublished(DELETED)
                .andThenTimeElapses(Duration.ofDays(29))
                .andThenAPublished(new MailboxRestoredEvent(MAILBOX, ACCOUNT, DELETED_AT.plus(Duration.ofDays(29))))
                .whenTimeElapses(Duration.ofDays(2))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void thePurgedMailboxEndsTheSaga() {
        fixture.givenCurrentTime(DELETED_AT)
                .andThenAPublished(DELETED)
                .whenPublishingA(new MailboxPurgedEvent(MAILBOX, ACCOUNT, DELETED_AT.plus(WINDOW)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void whenTheMailboxRefusesThePurgeNoEmailIsPurged() {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new BusinessRuleException(ErrorCode.CONFLICT, "mailbox: no purge is due");
        });
        fixture.givenCurrentTime(DELETED_AT)
                .andThenAPublished(DELETED)
                .whenTimeElapses(WINDOW)
                .expectDispatchedCommands(new StartMailboxPurgeCommand(MAILBOX, ACCOUNT))
                .expectActiveSagas(0);
    }
}
