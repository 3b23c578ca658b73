package com.qmailing.command.account;

import com.qmailing.command.config.Retention;
import com.qmailing.events.account.AccountCreatedEvent;
import com.qmailing.events.account.AccountDeletionCancelledEvent;
import com.qmailing.events.account.AccountDeletionRequestedEvent;
import com.qmailing.events.account.AccountPlanChangedEvent;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.account.CancelAccountDeletionCommand;
import com.qmailing.events.account.ChangeAccountPlanCommand;
import com.qmailing.events.account.PurgeAccountCommand;
import com.qmailing.events.account.RequestAccountDeletionCommand;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.Plan;
import com.qmailing.events.email.MuteSenderCommand;
import com.qmailing.events.email.MutedSender;
import com.qmailing.events.email.SenderMutedEvent;
import com.qmailing.events.email.SenderUnmutedEvent;
import com.qmailing.events.email.UnmuteSenderCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.qmailing.command.BusinessErrors.refusedWith;

class AccountTest {

    private static final Instant CREATED_AT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final Instant PURGE_AT = NOW.plus(Duration.ofDays(30));
    private static final AccountId ACCOUNT = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new Retention(Duration.ofDays(30)));
    }

    @Test
    void changingThePlanRecordsThePreviousPlanAndTheTimeOfTheClock() {
        fixture.given(created(Plan.FREE))
                .when(new ChangeAccountPlanCommand(ACCOUNT, Plan.PRO))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountPlanChangedEvent(ACCOUNT, Plan.FREE, Plan.PRO, NOW));
    }

    @Test
    void downgradingIsRecordedLikeAnUpgrade() {
        fixture.given(created(Plan.PRO_MAX))
                .when(new ChangeAccountPlanCommand(ACCOUNT, Plan.FREE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountPlanChangedEvent(ACCOUNT, Plan.PRO_MAX, Plan.FREE, NOW));
    }

    @Test
    void changingToTheSamePlanRecordsNothing() {
        fixture.given(created(Plan.PLUS))
                .when(new ChangeAccountPlanCommand(ACCOUNT, Plan.PLUS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theNextChangeRecordsThePlanOfTheLastChangeAsPrevious() {
        fixture.given(created(Plan.FREE), changed(Plan.FREE, Plan.PLUS))
                .when(new ChangeAccountPlanCommand(ACCOUNT, Plan.PRO))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountPlanChangedEvent(ACCOUNT, Plan.PLUS, Plan.PRO, NOW));
    }

    @Test
    void changingToThePlanOfTheLastChangeRecordsNothing() {
        fixture.given(created(Plan.FREE), changed(Plan.FREE, Plan.PLUS))
                .when(new ChangeAccountPlanCommand(ACCOUNT, Plan.PLUS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static AccountCreatedEvent created(Plan plan) {
        return new AccountCreatedEvent(ACCOUNT, EmailAddress.parse("owner@example.com"), "Owner", plan, CREATED_AT);
    }

    private static AccountPlanChangedEvent changed(Plan from, Plan to) {
        return new AccountPlanChangedEvent(ACCOUNT, from, to, CREATED_AT.plusSeconds(60));
    }

    @Test
    void mutingASenderRecordsTheRule() {
        fixture.given(created(Plan.PRO))
                .when(new MuteSenderCommand(ACCOUNT, MutedSender.parse("news@shop.example")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SenderMutedEvent(ACCOUNT, MutedSender.parse("news@shop.example"), NOW));
    }

    @Test
    void mutingWhatIsAlreadyMutedRecordsNothing() {
        fixture.given(created(Plan.PRO), new SenderMutedEvent(ACCOUNT, MutedSender.parse("shop.example"), NOW))
                .when(new MuteSenderCommand(ACCOUNT, MutedSender.parse("Shop.Example")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unmutingRemovesTheRuleOnlyWhenItExists() {
        fixture.given(created(Plan.PRO), new SenderMutedEvent(ACCOUNT, MutedSender.parse("shop.example"), NOW))
                .when(new UnmuteSenderCommand(ACCOUNT, MutedSender.parse("shop.example")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SenderUnmutedEvent(ACCOUNT, MutedSender.parse("shop.example"), NOW));
        fixture.given(created(Plan.PRO))
                .when(new UnmuteSenderCommand(ACCOUNT, MutedSender.parse("shop.example")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void requestingDeletionSchedulesThePurgeAfterTheRetentionPeriodAndAnswersItsDate() {
        fixture.given(created(Plan.PRO))
                .when(new RequestAccountDeletionCommand(ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(PURGE_AT)
                .expectEvents(new AccountDeletionRequestedEvent(ACCOUNT, NOW, PURGE_AT));
    }

    @Test
    void requestingDeletionAgainKeepsTheFirstPurgeDate() {
        Instant firstPurge = CREATED_AT.plus(Duration.ofDays(30));
        fixture.given(created(Plan.PRO), new AccountDeletionRequestedEvent(ACCOUNT, CREATED_AT, firstPurge))
                .when(new RequestAccountDeletionCommand(ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(firstPurge)
                .expectNoEvents();
    }

    @Test
    void cancellingAPendingDeletionIsRecorded() {
        fixture.given(created(Plan.PRO), new AccountDeletionRequestedEvent(ACCOUNT, CREATED_AT, PURGE_AT))
                .when(new CancelAccountDeletionCommand(ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountDeletionCancelledEvent(ACCOUNT, NOW));
    }

    @Test
    void cancellingWhenNoDeletionIsPendingRecordsNothing() {
        fixture.given(created(Plan.PRO))
                .when(new CancelAccountDeletionCommand(ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theAccountIsPurgedOnceItsPurgeDateHasCome() {
        Instant due = NOW.minusSeconds(1);
        fixture.given(created(Plan.PRO), new AccountDeletionRequestedEvent(ACCOUNT, CREATED_AT, due))
                .when(new PurgeAccountCommand(ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountPurgedEvent(ACCOUNT, NOW));
    }

    @Test
    void aPurgeBeforeThePurgeDateIsRefused() {
        fixture.given(created(Plan.PRO), new AccountDeletionRequestedEvent(ACCOUNT, NOW, PURGE_AT))
                .when(new PurgeAccountCommand(ACCOUNT))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aPurgeAfterTheDeletionWasCancelledIsRefused() {
        fixture.given(created(Plan.PRO), new AccountDeletionRequestedEvent(ACCOUNT, CREATED_AT, CREATED_AT),
                        new AccountDeletionCancelledEvent(ACCOUNT, CREATED_AT))
                .when(new PurgeAccountCommand(ACCOUNT))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void purgingAPurgedAccountAgainRecordsNothing() {
        fixture.given(created(Plan.PRO), new AccountDeletionRequestedEvent(ACCOUNT, CREATED_AT, CREATED_AT),
                        new AccountPurgedEvent(ACCOUNT, CREATED_AT))
                .when(new PurgeAccountCommand(ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPurgedAccountIsNotFoundForAnythingElse() {
        fixture.given(created(Plan.PRO), new AccountDeletionRequestedEvent(ACCOUNT, CREATED_AT, CREATED_AT),
                        new AccountPurgedEvent(ACCOUNT, CREATED_AT))
                .when(new CancelAccountDeletionCommand(ACCOUNT))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }
}
