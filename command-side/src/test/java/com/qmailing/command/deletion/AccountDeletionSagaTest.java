package com.qmailing.command.deletion;

import com.qmailing.events.account.AccountDeletionCancelledEvent;
import com.qmailing.events.account.AccountDeletionRequestedEvent;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.account.PurgeAccountCommand;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class AccountDeletionSagaTest {

    private static final AccountId ACCOUNT = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final Instant REQUESTED_AT = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final AccountDeletionRequestedEvent REQUESTED =
            new AccountDeletionRequestedEvent(ACCOUNT, REQUESTED_AT, REQUESTED_AT.plus(WINDOW));

    private SagaTestFixture<AccountDeletionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(AccountDeletionSaga.class);
    }

    @Test
    void aDeletionRequestSchedulesThePurgeAtItsPurgeDate() {
        fixture.givenCurrentTime(REQUESTED_AT)
                .whenPublishingA(REQUESTED)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(REQUESTED_AT.plus(WINDOW), PurgeSaga.PURGE)
                .expectNoDispatchedCommands();
    }

    @Test
    void thirtyDaysLaterTheAccountIsPurged() {
        fixture.givenCurrentTime(REQUESTED_AT)
                .andThenAPublished(REQUESTED)
                .whenTimeElapses(WINDOW)
                .expectTriggeredDeadlinesWithName(PurgeSaga.PURGE)
                .expectDispatchedCommands(new PurgeAccountCommand(ACCOUNT));
    }

    @Test
    void aCancellationOnDay29EndsTheSagaAndNothingIsPurged() throws Exception {
        fixture.givenCurrentTime(REQUESTED_AT)
                .andThenAPublished(REQUESTED)
                .andThenTimeElapses(Duration.ofDays(29))
                .andThenAPublished(new AccountDeletionCancelledEvent(ACCOUNT, REQUESTED_AT.plus(Duration.ofDays(29))))
                .whenTimeElapses(Duration.ofDays(2))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void thePurgedAccountEndsTheSaga() {
        fixture.givenCurrentTime(REQUESTED_AT)
                .andThenAPublished(REQUESTED)
                .whenPublishingA(new AccountPurgedEvent(ACCOUNT, REQUESTED_AT.plus(WINDOW)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPurgeRefusedBecauseACancellationWonTheRaceEndsTheSaga() {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new BusinessRuleException(ErrorCode.CONFLICT, "account: no deletion is due");
        });
        fixture.givenCurrentTime(REQUESTED_AT)
                .andThenAPublished(REQUESTED)
                .whenTimeElapses(WINDOW)
                .expectDispatchedCommands(new PurgeAccountCommand(ACCOUNT))
                .expectActiveSagas(0);
    }
}
