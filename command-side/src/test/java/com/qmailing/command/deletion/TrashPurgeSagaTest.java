package com.qmailing.command.deletion;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.email.EmailRestoredEvent;
import com.qmailing.events.email.EmailTrashedEvent;
import com.qmailing.events.email.Folder;
import com.qmailing.events.email.PurgeEmailCommand;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class TrashPurgeSagaTest {

    private static final EmailId EMAIL = EmailId.parse("0e1d2c3b-4a59-4687-b6a5-c4d3e2f1a0b9");
    private static final MailboxId MAILBOX = MailboxId.parse("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a");
    private static final AccountId ACCOUNT = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final Instant TRASHED_AT = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final EmailTrashedEvent TRASHED =
            new EmailTrashedEvent(EMAIL, ACCOUNT, MAILBOX, Folder.INBOX, TRASHED_AT, TRASHED_AT.plus(WINDOW));

    private SagaTestFixture<TrashPurgeSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(TrashPurgeSaga.class);
    }

    @Test
    void thirtyDaysInTheTrashPurgeTheEmail() {
        fixture.givenCurrentTime(TRASHED_AT)
                .andThenAPublished(TRASHED)
                .whenTimeElapses(WINDOW)
                .expectTriggeredDeadlinesWithName(PurgeSaga.PURGE)
                .expectDispatchedCommands(new PurgeEmailCommand(EMAIL, ACCOUNT, PurgeEmailCommand.Cause.TRASH_EXPIRED));
    }

    @Test
    void nothingIsPurgedBeforeThePurgeDate() {
        fixture.givenCurrentTime(TRASHED_AT)
                .andThenAPublished(TRASHED)
                .whenTimeElapses(Duration.ofDays(29))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(TRASHED_AT.plus(WINDOW), PurgeSaga.PURGE);
    }

    @Test
    void aRestoreOnDay29EndsTheSagaAndNothingIsPurged() throws Exception {
        fixture.givenCurrentTime(TRASHED_AT)
                .andThenAPublished(TRASHED)
                .andThenTimeElapses(Duration.ofDays(29))
                .andThenAPublished(new EmailRestoredEvent(EMAIL, ACCOUNT, MAILBOX, Folder.INBOX,
                        TRASHED_AT.plus(Duration.ofDays(29))))
                .whenTimeElapses(Duration.ofDays(2))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void anEmailEmptiedFromTheTrashEarlierEndsTheSaga() {
        fixture.givenCurrentTime(TRASHED_AT)
                .andThenAPublished(TRASHED)
                .whenPublishingA(new EmailPurgedEvent(EMAIL, ACCOUNT, MAILBOX, 100, TRASHED_AT.plusSeconds(60)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
