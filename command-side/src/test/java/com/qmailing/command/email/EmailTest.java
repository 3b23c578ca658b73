package com.qmailing.command.email;

import com.qmailing.command.config.Retention;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.ChangeEmailFlagsCommand;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.email.DeliveryOutcome;
import com.qmailing.events.email.EmailBouncedEvent;
import com.qmailing.events.email.EmailDeliveredEvent;
import com.qmailing.events.email.EmailFlagsChangedEvent;
import com.qmailing.events.email.EmailForwardQueuedEvent;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.EmailMovedEvent;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.email.EmailReceivedEvent;
import com.qmailing.events.email.EmailRestoredEvent;
import com.qmailing.events.email.EmailTrashedEvent;
import com.qmailing.events.email.Folder;
import com.qmailing.events.email.MoveEmailCommand;
import com.qmailing.events.email.PurgeEmailCommand;
import com.qmailing.events.email.RecordDeliveryAttemptCommand;
import com.qmailing.events.email.RestoreEmailCommand;
import com.qmailing.events.email.TrashEmailCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static com.qmailing.command.BusinessErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

class EmailTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final Instant PURGE_AT = NOW.plus(Duration.ofDays(30));
    private static final EmailId EMAIL = EmailId.parse("0e1d2c3b-4a59-4687-b6a5-c4d3e2f1a0b9");
    private static final MailboxId MAILBOX = MailboxId.parse("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a");
    private static final AccountId OWNER = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final AccountId STRANGER = AccountId.parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final EmailReceivedEvent RECEIVED = new EmailReceivedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX,
            UUID.fromString("7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"), 1234,
            new EmailHeaders("bob@example.org", null, List.of("alice@qmailing.local"), List.of(), List.of(), "Hi",
                    "Hello", "<m1@example.org>", null, List.of(), null, List.of()),
            RECEIVED_AT);

    private FixtureConfiguration<Email> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Email.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new Retention(Duration.ofDays(30)));
    }

    @Test
    void receivingRecordsTheMessageInTheInbox() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Email(RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(RECEIVED);
    }

    @Test
    void markingReadKeepsTheStarAsItIs() {
        fixture.given(RECEIVED, new EmailFlagsChangedEvent(EMAIL, OWNER, MAILBOX, false, true, RECEIVED_AT))
                .when(new ChangeEmailFlagsCommand(EMAIL, OWNER, true, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmailFlagsChangedEvent(EMAIL, OWNER, MAILBOX, true, true, NOW));
    }

    @Test
    void settingFlagsToWhatTheyAreRecordsNothing() {
        fixture.given(RECEIVED)
                .when(new ChangeEmailFlagsCommand(EMAIL, OWNER, false, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherAccountCannotTellTheEmailExists() {
        fixture.given(RECEIVED)
                .when(new ChangeEmailFlagsCommand(EMAIL, STRANGER, true, null))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void movingBetweenFoldersRecordsBothEnds() {
        fixture.given(RECEIVED)
                .when(new MoveEmailCommand(EMAIL, OWNER, Folder.SPAM))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmailMovedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, Folder.SPAM, NOW));
    }

    @ParameterizedTest
    @EnumSource(value = Folder.class, names = {"STARRED", "MUTED"})
    void movingIntoAViewIsRefused(Folder view) {
        fixture.given(RECEIVED)
                .when(new MoveEmailCommand(EMAIL, OWNER, view))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void movingToTheTrashIsTrashingWithAPurgeDate() {
        fixture.given(RECEIVED)
                .when(new MoveEmailCommand(EMAIL, OWNER, Folder.TRASH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, NOW, PURGE_AT));
    }

    @Test
    void trashingRemembersTheFolderItCameFrom() {
        fixture.given(RECEIVED, new EmailMovedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, Folder.SPAM, RECEIVED_AT))
                .when(new TrashEmailCommand(EMAIL, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.SPAM, NOW, PURGE_AT));
    }

    @Test
    void trashingTwiceKeepsTheFirstPurgeDate() {
        fixture.given(RECEIVED, new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, RECEIVED_AT,
                        RECEIVED_AT.plus(Duration.ofDays(30))))
                .when(new TrashEmailCommand(EMAIL, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void restoringReturnsTheEmailToItsFolderBeforeTheTrash() {
        fixture.given(RECEIVED, new EmailMovedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, Folder.SPAM, RECEIVED_AT),
                        new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.SPAM, RECEIVED_AT, PURGE_AT))
                .when(new RestoreEmailCommand(EMAIL, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmailRestoredEvent(EMAIL, OWNER, MAILBOX, Folder.SPAM, NOW));
    }

    @Test
    void movingOutOfTheTrashIsARestoreToThatFolder() {
        fixture.given(RECEIVED, new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, RECEIVED_AT, PURGE_AT))
                .when(new MoveEmailCommand(EMAIL, OWNER, Folder.DRAFTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmailRestoredEvent(EMAIL, OWNER, MAILBOX, Folder.DRAFTS, NOW));
    }

    @Test
    void restoringWhatIsNotInTheTrashChangesNothing() {
        fixture.given(RECEIVED)
                .when(new RestoreEmailCommand(EMAIL, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRestoredEmailCanBeTrashedAgainFromWhereItWasRestoredTo() {
        fixture.given(RECEIVED, new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, RECEIVED_AT, PURGE_AT),
                        new EmailRestoredEvent(EMAIL, OWNER, MAILBOX, Folder.SPAM, RECEIVED_AT))
                .when(new TrashEmailCommand(EMAIL, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.SPAM, NOW, PURGE_AT));
    }

    @Test
    void anEmailInTheTrashCanBePurgedAtOnce() {
        fixture.given(RECEIVED, new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, RECEIVED_AT, PURGE_AT))
                .when(new PurgeEmailCommand(EMAIL, OWNER, PurgeEmailCommand.Cause.REQUESTED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmailPurgedEvent(EMAIL, OWNER, MAILBOX, 1234, NOW));
    }

    @Test
    void anEmailOutsideTheTrashCannotBePurgedOnRequest() {
        fixture.given(RECEIVED)
                .when(new PurgeEmailCommand(EMAIL, OWNER, PurgeEmailCommand.Cause.REQUESTED))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void theTrashPurgeWaitsForThePurgeDate() {
        fixture.given(RECEIVED, new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, RECEIVED_AT, PURGE_AT))
                .when(new PurgeEmailCommand(EMAIL, OWNER, PurgeEmailCommand.Cause.TRASH_EXPIRED))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectNoEvents();
        fixture.given(RECEIVED, new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, RECEIVED_AT, NOW))
                .when(new PurgeEmailCommand(EMAIL, OWNER, PurgeEmailCommand.Cause.TRASH_EXPIRED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmailPurgedEvent(EMAIL, OWNER, MAILBOX, 1234, NOW));
    }

    @Test
    void aRestoredEmailIsNotPurgedWhenItsOldPurgeDateComes() {
        fixture.given(RECEIVED, new EmailTrashedEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, RECEIVED_AT, NOW),
                        new EmailRestoredEvent(EMAIL, OWNER, MAILBOX, Folder.INBOX, RECEIVED_AT))
                .when(new PurgeEmailCommand(EMAIL, OWNER, PurgeEmailCommand.Cause.TRASH_EXPIRED))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aPurgedMailboxTakesItsEmailsFromEveryFolder() {
        fixture.given(RECEIVED)
                .when(new PurgeEmailCommand(EMAIL, OWNER, PurgeEmailCommand.Cause.MAILBOX_PURGED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmailPurgedEvent(EMAIL, OWNER, MAILBOX, 1234, NOW));
    }

    @Test
    void aPurgedEmailIsPurgedOnlyOnceAndIsNotFoundForAnythingElse() {
        EmailPurgedEvent purged = new EmailPurgedEvent(EMAIL, OWNER, MAILBOX, 1234, RECEIVED_AT);
        fixture.given(RECEIVED, purged)
                .when(new PurgeEmailCommand(EMAIL, OWNER, PurgeEmailCommand.Cause.MAILBOX_PURGED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(RECEIVED, purged)
                .when(new ChangeEmailFlagsCommand(EMAIL, OWNER, true, null))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    private static final EmailAddress FORWARD_TO = EmailAddress.parse("alice@example.net");

    private static EmailForwardQueuedEvent forwardQueued(boolean copyKept) {
        return new EmailForwardQueuedEvent(EMAIL, OWNER, MAILBOX, 1300, RECEIVED.headers(), List.of(FORWARD_TO),
                copyKept, RECEIVED_AT);
    }

    @Test
    void aForwardCopyIsInNoFolderSoNoOneCanReadMoveOrTrashIt() {
        fixture.given(forwardQueued(false))
                .when(new TrashEmailCommand(EMAIL, OWNER))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void aForwardCopyRecordsItsDeliveryAsASentEmailDoes() {
        fixture.given(forwardQueued(true))
                .when(new RecordDeliveryAttemptCommand(EMAIL, OWNER, List.of(FORWARD_TO), 1, DeliveryOutcome.DELIVERED,
                        null))
                .expectEvents(new EmailDeliveredEvent(EMAIL, OWNER, MAILBOX, List.of(FORWARD_TO), 1, NOW));
    }

    @Test
    void settlingADeliveredForwardPurgesTheCopyGivingBackNoStorage() {
        AtomicReference<Optional<Email.Undelivered>> keep = new AtomicReference<>();
        fixture.given(forwardQueued(false),
                        new EmailDeliveredEvent(EMAIL, OWNER, MAILBOX, List.of(FORWARD_TO), 1, RECEIVED_AT))
                .whenInvoking(EMAIL.toString(), email -> keep.set(email.settleForward(OWNER, NOW)))
                .expectEvents(new EmailPurgedEvent(EMAIL, OWNER, MAILBOX, 0, NOW));
        assertThat(keep.get()).isEmpty();
    }

    @Test
    void aBouncedForwardOfAForwardOnlyMailboxIsKeptInItsInbox() {
        AtomicReference<Optional<Email.Undelivered>> keep = new AtomicReference<>();
        fixture.given(forwardQueued(false),
                        new EmailBouncedEvent(EMAIL, OWNER, MAILBOX, List.of(FORWARD_TO), 11, "550 no", RECEIVED_AT))
                .whenInvoking(EMAIL.toString(), email -> keep.set(email.settleForward(OWNER, NOW)))
                .expectEvents(new EmailPurgedEvent(EMAIL, OWNER, MAILBOX, 0, NOW));
        assertThat(keep.get()).contains(new Email.Undelivered(MAILBOX, RECEIVED.headers()));
    }

    @Test
    void aBouncedForwardOfAMailboxThatKeptACopyIsNotKeptTwice() {
        AtomicReference<Optional<Email.Undelivered>> keep = new AtomicReference<>();
        fixture.given(forwardQueued(true),
                        new EmailBouncedEvent(EMAIL, OWNER, MAILBOX, List.of(FORWARD_TO), 11, "550 no", RECEIVED_AT))
                .whenInvoking(EMAIL.toString(), email -> keep.set(email.settleForward(OWNER, NOW)))
                .expectEvents(new EmailPurgedEvent(EMAIL, OWNER, MAILBOX, 0, NOW));
        assertThat(keep.get()).isEmpty();
    }

    @Test
    void settlingAForwardStillUnderWayIsRefusedAndSettlingTwiceDoesNothing() {
        fixture.given(forwardQueued(false))
                .whenInvoking(EMAIL.toString(), email -> email.settleForward(OWNER, NOW))
                .expectException(refusedWith(ErrorCode.CONFLICT));
        fixture.given(forwardQueued(false),
                        new EmailDeliveredEvent(EMAIL, OWNER, MAILBOX, List.of(FORWARD_TO), 1, RECEIVED_AT),
                        new EmailPurgedEvent(EMAIL, OWNER, MAILBOX, 0, NOW))
                .whenInvoking(EMAIL.toString(), email -> email.settleForward(OWNER, NOW))
                .expectNoEvents();
    }

    @Test
    void aMailboxPurgeTakesAForwardCopyStillUnderWay() {
        fixture.given(forwardQueued(false))
                .when(new PurgeEmailCommand(EMAIL, OWNER, PurgeEmailCommand.Cause.MAILBOX_PURGED))
                .expectEvents(new EmailPurgedEvent(EMAIL, OWNER, MAILBOX, 0, NOW));
    }
}
