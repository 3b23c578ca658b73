package com.qmailing.command.mailbox;

import com.qmailing.command.config.Retention;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.Change;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.mailbox.ChangeMailboxSettingsCommand;
import com.qmailing.events.mailbox.CreateMailboxCommand;
import com.qmailing.events.mailbox.DeleteMailboxCommand;
import com.qmailing.events.mailbox.MailboxCreatedEvent;
import com.qmailing.events.mailbox.MailboxDeletedEvent;
import com.qmailing.events.mailbox.MailboxPurgeStartedEvent;
import com.qmailing.events.mailbox.MailboxPurgedEvent;
import com.qmailing.events.mailbox.MailboxRestoredEvent;
import com.qmailing.events.mailbox.MailboxSettingsChangedEvent;
import com.qmailing.events.mailbox.PurgeMailboxCommand;
import com.qmailing.events.mailbox.RestoreMailboxCommand;
import com.qmailing.events.mailbox.StartMailboxPurgeCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.qmailing.command.BusinessErrors.refusedWith;
import static org.hamcrest.Matchers.startsWith;

class MailboxTest {

    private static final Instant CREATED_AT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final Instant PURGE_AT = NOW.plus(Duration.ofDays(30));
    private static final MailboxId MAILBOX = MailboxId.parse("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a");
    private static final AccountId OWNER = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final AccountId STRANGER = AccountId.parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final EmailAddress ADDRESS = EmailAddress.parse("alice@qmailing.local");
    private static final EmailAddress ELSEWHERE = EmailAddress.parse("alice.private@example.org");

    private FixtureConfiguration<Mailbox> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Mailbox.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new Retention(Duration.ofDays(30)));
    }

    @Test
    void creatingAMailboxRecordsItsAddressAndSettings() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Mailbox(
                        new CreateMailboxCommand(MAILBOX, OWNER, ADDRESS, "Alice", ELSEWHERE, true), NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxCreatedEvent(MAILBOX, OWNER, ADDRESS, "Alice", ELSEWHERE, true, NOW));
    }

    @Test
    void creatingAMailboxThatForwardsToItselfIsRefused() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Mailbox(new CreateMailboxCommand(MAILBOX, OWNER, ADDRESS, null,
                        EmailAddress.parse("Alice+loop@qmailing.local"), false), NOW))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage(startsWith("forwardTo:"))
                .expectNoEvents();
    }

    @Test
    void settingTheDisplayNameRecordsAllSettingsAsTheyAreAfterTheChange() {
        fixture.given(created("Alice", ELSEWHERE, true))
                .when(change(new Change<>("Alice Liddell"), null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxSettingsChangedEvent(MAILBOX, OWNER, "Alice Liddell", ELSEWHERE, true, NOW));
    }

    @Test
    void clearingTheDisplayNameRecordsItAsNull() {
        fixture.given(created("Alice", null, false))
                .when(change(new Change<>(null), null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxSettingsChangedEvent(MAILBOX, OWNER, null, null, false, NOW));
    }

    @Test
    void settingForwardToRecordsTheTargetAndKeepsTheDisplayName() {
        fixture.given(created("Alice", null, false))
                .when(change(null, new Change<>(ELSEWHERE), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxSettingsChangedEvent(MAILBOX, OWNER, "Alice", ELSEWHERE, false, NOW));
    }

    @Test
    void clearingForwardToRecordsItAsNull() {
        fixture.given(created("Alice", ELSEWHERE, false))
                .when(change(null, new Change<>(null), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxSettingsChangedEvent(MAILBOX, OWNER, "Alice", null, false, NOW));
    }

    @Test
    void forwardOnlyWithoutAForwardingAddressIsRefused() {
        fixture.given(created("Alice", ELSEWHERE, true))
                .when(change(null, new Change<>(null), null))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage(startsWith("forwardOnly:"))
                .expectNoEvents();
    }

    @Test
    void turningForwardOnlyOnIsRecorded() {
        fixture.given(created("Alice", ELSEWHERE, false))
                .when(change(null, null, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxSettingsChangedEvent(MAILBOX, OWNER, "Alice", ELSEWHERE, true, NOW));
    }

    @Test
    void turningForwardOnlyOffAfterAnEarlierChangeIsRecorded() {
        fixture.given(created("Alice", null, false),
                        new MailboxSettingsChangedEvent(MAILBOX, OWNER, "Alice", ELSEWHERE, true, CREATED_AT))
                .when(change(null, null, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxSettingsChangedEvent(MAILBOX, OWNER, "Alice", ELSEWHERE, false, NOW));
    }

    @Test
    void aCommandThatNamesNoSettingRecordsNothing() {
        fixture.given(created("Alice", ELSEWHERE, true))
                .when(change(null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void repeatingTheCurrentSettingsRecordsNothing() {
        fixture.given(created("Alice", null, false),
                        new MailboxSettingsChangedEvent(MAILBOX, OWNER, "Alice", ELSEWHERE, true, CREATED_AT))
                .when(change(new Change<>("Alice"), new Change<>(EmailAddress.parse("alice.private@example.org")),
                        true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void clearingSettingsThatAreAlreadyEmptyRecordsNothing() {
        fixture.given(created(null, null, false))
                .when(change(new Change<>(null), new Change<>(null), false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherAccountIsToldTheMailboxDoesNotExist() {
        fixture.given(created("Alice", null, false))
                .when(new ChangeMailboxSettingsCommand(MAILBOX, STRANGER, new Change<>("Mallory"), null, null))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@qmailing.local", "alice+news@qmailing.local", "Alice@QMailing.Local",
            "ALICE+News@qmailing.local"})
    void forwardingToItselfIsRefused(String forwardTo) {
        fixture.given(created("Alice", null, false))
                .when(change(null, new Change<>(EmailAddress.parse(forwardTo)), null))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage(startsWith("forwardTo:"))
                .expectNoEvents();
    }

    @Test
    void forwardingToAnotherMailboxOfTheSameDomainIsAccepted() {
        EmailAddress bob = EmailAddress.parse("alice-bob@qmailing.local");
        fixture.given(created("Alice", null, false))
                .when(change(null, new Change<>(bob), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxSettingsChangedEvent(MAILBOX, OWNER, "Alice", bob, false, NOW));
    }

    @Test
    void aDisplayNameOf255CharactersIsAccepted() {
        String longest = "a".repeat(255);
        fixture.given(created("Alice", null, false))
                .when(change(new Change<>(longest), null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxSettingsChangedEvent(MAILBOX, OWNER, longest, null, false, NOW));
    }

    @Test
    void aDisplayNameOfMoreThan255CharactersIsRefused() {
        fixture.given(created("Alice", null, false))
                .when(change(new Change<>("a".repeat(256)), null, null))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage(startsWith("displayName:"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice\nBcc: eve@example.com", "Alice\r\nBcc: eve@example.com", "Alice\rBcc: eve@example.com",
            "Alice\n"})
    void aDisplayNameWithALineBreakIsRefused(String displayName) {
        fixture.given(created("Alice", null, false))
                .when(change(new Change<>(displayName), null, null))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage(startsWith("displayName:"))
                .expectNoEvents();
    }

    @Test
    void aValidChangeIsRefusedWholeWhenAnotherFieldOfTheSameCommandIsInvalid() {
        fixture.given(created("Alice", null, false))
                .when(change(new Change<>("Alice Liddell"), new Change<>(ADDRESS), true))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void deletingAMailboxSchedulesItsPurgeAfterTheRetentionPeriodAndAnswersItsDate() {
        fixture.given(created("Alice", null, false))
                .when(new DeleteMailboxCommand(MAILBOX, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(PURGE_AT)
                .expectEvents(new MailboxDeletedEvent(MAILBOX, OWNER, NOW, PURGE_AT));
    }

    @Test
    void deletingADeletedMailboxKeepsTheFirstPurgeDate() {
        Instant firstPurge = CREATED_AT.plus(Duration.ofDays(30));
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, CREATED_AT, firstPurge))
                .when(new DeleteMailboxCommand(MAILBOX, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(firstPurge)
                .expectNoEvents();
    }

    @Test
    void anotherAccountCannotDeleteTheMailbox() {
        fixture.given(created("Alice", null, false))
                .when(new DeleteMailboxCommand(MAILBOX, STRANGER))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void restoringADeletedMailboxIsRecorded() {
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, CREATED_AT, PURGE_AT))
                .when(new RestoreMailboxCommand(MAILBOX, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxRestoredEvent(MAILBOX, OWNER, NOW));
    }

    @Test
    void restoringAMailboxThatIsNotDeletedRecordsNothing() {
        fixture.given(created("Alice", null, false))
                .when(new RestoreMailboxCommand(MAILBOX, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSettingsOfADeletedMailboxCannotChange() {
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, CREATED_AT, PURGE_AT))
                .when(change(new Change<>("Mallory"), null, null))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aDeletedMailboxIsPurgedOnceItsPurgeDateHasCome() {
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, CREATED_AT, NOW))
                .when(new PurgeMailboxCommand(MAILBOX, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxPurgedEvent(MAILBOX, OWNER, NOW));
    }

    @Test
    void aPurgeStartsOnceItsPurgeDateHasComeAndOnlyOnce() {
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, CREATED_AT, NOW))
                .when(new StartMailboxPurgeCommand(MAILBOX, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MailboxPurgeStartedEvent(MAILBOX, OWNER, NOW));
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, CREATED_AT, NOW),
                        new MailboxPurgeStartedEvent(MAILBOX, OWNER, NOW))
                .when(new StartMailboxPurgeCommand(MAILBOX, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPurgeStartBeforeThePurgeDateIsRefused() {
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, NOW, PURGE_AT))
                .when(new StartMailboxPurgeCommand(MAILBOX, OWNER))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aMailboxWhosePurgeHasBegunCannotBeRestored() {
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, CREATED_AT, NOW),
                        new MailboxPurgeStartedEvent(MAILBOX, OWNER, NOW))
                .when(new RestoreMailboxCommand(MAILBOX, OWNER))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aPurgeBeforeThePurgeDateIsRefused() {
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, NOW, PURGE_AT))
                .when(new PurgeMailboxCommand(MAILBOX, OWNER))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aPurgeOfARestoredMailboxIsRefused() {
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, CREATED_AT, CREATED_AT),
                        new MailboxRestoredEvent(MAILBOX, OWNER, CREATED_AT))
                .when(new PurgeMailboxCommand(MAILBOX, OWNER))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aPurgedMailboxIsPurgedOnlyOnceAndIsNotFoundForAnythingElse() {
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, CREATED_AT, CREATED_AT),
                        new MailboxPurgedEvent(MAILBOX, OWNER, CREATED_AT))
                .when(new PurgeMailboxCommand(MAILBOX, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created("Alice", null, false), new MailboxDeletedEvent(MAILBOX, OWNER, CREATED_AT, CREATED_AT),
                        new MailboxPurgedEvent(MAILBOX, OWNER, CREATED_AT))
                .when(new RestoreMailboxCommand(MAILBOX, OWNER))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    private static MailboxCreatedEvent created(String displayName, EmailAddress forwardTo, boolean forwardOnly) {
        return new MailboxCreatedEvent(MAILBOX, OWNER, ADDRESS, displayName, forwardTo, forwardOnly, CREATED_AT);
    }

    private static ChangeMailboxSettingsCommand change(Change<String> displayName, Change<EmailAddress> forwardTo,
                                                       Boolean forwardOnly) {
        return new ChangeMailboxSettingsCommand(MAILBOX, OWNER, displayName, forwardTo, forwardOnly);
    }
}
