package com.qmailing.command.email;

import com.qmailing.command.config.HostedDomains;
import com.qmailing.command.mailbox.AddressRegistry;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.PlanCatalog;
import com.qmailing.events.common.PlanLimits;
import com.qmailing.events.email.DeliveryOutcome;
import com.qmailing.events.email.EmailDeliveredEvent;
import com.qmailing.events.email.EmailDeliveryDeferredEvent;
import com.qmailing.events.email.EmailDeliveryRetriedEvent;
import com.qmailing.events.email.EmailForwardQueuedEvent;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.EmailSentEvent;
import com.qmailing.events.email.RecordDeliveryAttemptCommand;
import com.qmailing.events.email.RetryDeliveryCommand;
import com.qmailing.events.email.SettleForwardCommand;
import com.qmailing.events.email.TransmitEmailCommand;
import com.qmailing.testing.TestDatabase;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

class DeliverySagaTest {

    private static final EmailId EMAIL = EmailId.parse("0e1d2c3b-4a59-4687-b6a5-c4d3e2f1a0b9");
    private static final AccountId ACCOUNT = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final MailboxId MAILBOX = MailboxId.parse("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a");
    private static final EmailAddress BOB = EmailAddress.parse("bob@example.org");
    private static final EmailAddress NOBODY = EmailAddress.parse("nobody@qmailing.local");
    private static final Instant SENT_AT = Instant.parse("2026-11-23T12:00:00Z");

    private static final EmailAddress FORWARDER = EmailAddress.parse("forwarder@qmailing.local");

    private static AddressRegistry addresses;
    private SagaTestFixture<DeliverySaga> fixture;

    @BeforeAll
    static void database() {
        DataSource dataSource = TestDatabase.migrated();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        addresses = new AddressRegistry(jdbc, new HostedDomains("qmailing.local"));
        jdbc.update("insert into mailbox_address_registry (address, mailbox_id, account_id) values (?, ?, ?)",
                FORWARDER.toString(), MAILBOX.value(), ACCOUNT.value());
    }

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(DeliverySaga.class);
        fixture.registerResource(addresses);
        fixture.registerResource(new DeliveryRetries(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5))));
        fixture.registerResource(new PlanCatalog(Arrays.stream(Plan.values()).collect(Collectors.toMap(
                plan -> plan, plan -> new PlanLimits(true, 10, 1L << 30, 100, 1, 1, 100)))));
    }

    @Test
    void remoteRecipientsGoToTheTransportWithATimeoutWatch() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(sent(BOB))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new TransmitEmailCommand(EMAIL, ACCOUNT, List.of(BOB), 1))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15), "delivery-timeout");
    }

    @Test
    void anUnknownAddressOnAHostedDomainBouncesAtOnce() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(sent(NOBODY))
                .expectDispatchedCommands(new RecordDeliveryAttemptCommand(EMAIL, ACCOUNT, List.of(NOBODY), 1,
                        DeliveryOutcome.PERMANENT_FAILURE, "550 5.1.1 no such mailbox here"));
    }

    @Test
    void aSendWhoseEveryOutcomeIsKnownAtOnceKeepsNoSaga() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(sent(NOBODY))
                .expectActiveSagas(0);
    }

    @Test
    void aSendWithARemoteRecipientKeepsTheSagaForItsOutcome() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(sent(NOBODY, BOB))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordDeliveryAttemptCommand(EMAIL, ACCOUNT, List.of(NOBODY), 1,
                        DeliveryOutcome.PERMANENT_FAILURE, "550 5.1.1 no such mailbox here"),
                        new TransmitEmailCommand(EMAIL, ACCOUNT, List.of(BOB), 1));
    }

    @Test
    void aTemporaryFailureIsRetriedWhenItsDelayHasPassed() {
        fixture.givenAPublished(sent(BOB))
                .andThenAPublished(deferred(1))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectTriggeredDeadlinesWithName("delivery-retry")
                .expectDispatchedCommands(new RetryDeliveryCommand(EMAIL, ACCOUNT, 2));
    }

    @Test
    void aDeferralReplacesTheTimeoutWatchByTheRetry() {
        fixture.givenAPublished(sent(BOB))
                .whenPublishingA(deferred(1))
                .expectNoScheduledDeadlineWithName(Duration.ofMinutes(15), "delivery-timeout")
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), "delivery-retry");
    }

    @Test
    void theTimeoutWatchOfARetriedTransmissionIsCancelledWithTheDelivery() {
        fixture.givenAPublished(sent(BOB))
                .andThenAPublished(deferred(1))
                .andThenAPublished(new EmailDeliveryRetriedEvent(EMAIL, ACCOUNT, MAILBOX, List.of(BOB), 2, SENT_AT))
                .whenPublishingA(new EmailDeliveredEvent(EMAIL, ACCOUNT, MAILBOX, List.of(BOB), 2, SENT_AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRetryTransmitsToTheRecipientsStillWaiting() {
        fixture.givenAPublished(sent(BOB))
                .andThenAPublished(deferred(1))
                .whenPublishingA(new EmailDeliveryRetriedEvent(EMAIL, ACCOUNT, MAILBOX, List.of(BOB), 2, SENT_AT))
                .expectDispatchedCommands(new TransmitEmailCommand(EMAIL, ACCOUNT, List.of(BOB), 2));
    }

    @Test
    void aFailureAfterTheLastRetryIsABounceWithTheLastError() {
        fixture.givenAPublished(sent(BOB))
                .andThenAPublished(deferred(1))
                .andThenAPublished(deferred(2))
                .whenPublishingA(deferred(3))
                .expectDispatchedCommands(new RecordDeliveryAttemptCommand(EMAIL, ACCOUNT, List.of(BOB), 3,
                        DeliveryOutcome.PERMANENT_FAILURE, "gave up after 3 attempts; last error: 421 busy"));
    }

    @Test
    void theSagaEndsWhenEveryRecipientIsSettled() {
        fixture.givenAPublished(sent(BOB))
                .whenPublishingA(new EmailDeliveredEvent(EMAIL, ACCOUNT, MAILBOX, List.of(BOB), 1, SENT_AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aForwardGoesToTheTransportWithTheForwardingMailboxAsEnvelopeSender() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(forwardQueued())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new TransmitEmailCommand(EMAIL, ACCOUNT, List.of(BOB), 1, FORWARDER));
    }

    @Test
    void aForwardRetriedAfterATemporaryFailureKeepsItsEnvelopeSender() {
        fixture.givenAPublished(forwardQueued())
                .andThenAPublished(deferred(1))
                .whenPublishingA(new EmailDeliveryRetriedEvent(EMAIL, ACCOUNT, MAILBOX, List.of(BOB), 2, SENT_AT))
                .expectDispatchedCommands(new TransmitEmailCommand(EMAIL, ACCOUNT, List.of(BOB), 2, FORWARDER));
    }

    @Test
    void aSettledForwardIsSettledAndTheSagaWaitsForTheCopysPurge() {
        fixture.givenAPublished(forwardQueued())
                .whenPublishingA(new EmailDeliveredEvent(EMAIL, ACCOUNT, MAILBOX, List.of(BOB), 1, SENT_AT))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new SettleForwardCommand(EMAIL, ACCOUNT))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15), "forward-settle");
    }

    @Test
    void aSettlementNotSeenDoneIsAskedForAgain() {
        fixture.givenAPublished(forwardQueued())
                .andThenAPublished(new EmailDeliveredEvent(EMAIL, ACCOUNT, MAILBOX, List.of(BOB), 1, SENT_AT))
                .whenTimeElapses(Duration.ofMinutes(15))
                .expectTriggeredDeadlinesWithName("forward-settle")
                .expectDispatchedCommands(new SettleForwardCommand(EMAIL, ACCOUNT));
    }

    @Test
    void theForwardCopysPurgeEndsTheSaga() {
        fixture.givenAPublished(forwardQueued())
                .andThenAPublished(new EmailDeliveredEvent(EMAIL, ACCOUNT, MAILBOX, List.of(BOB), 1, SENT_AT))
                .whenPublishingA(new EmailPurgedEvent(EMAIL, ACCOUNT, MAILBOX, 0, SENT_AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    private static EmailForwardQueuedEvent forwardQueued() {
        return new EmailForwardQueuedEvent(EMAIL, ACCOUNT, MAILBOX, 120,
                new EmailHeaders("carol@example.org", null, List.of(FORWARDER.toString()), List.of(), List.of(), "Hi",
                        null, "<m@example.org>", null, List.of(), SENT_AT, List.of()),
                List.of(BOB), false, SENT_AT);
    }

    private static EmailSentEvent sent(EmailAddress... recipients) {
        return new EmailSentEvent(EMAIL, ACCOUNT, MAILBOX, UUID.randomUUID(), 100,
                new EmailHeaders("alice@qmailing.local", null, List.of(), List.of(), List.of(), "Hi", null,
                        "<m@qmailing.local>", null, List.of(), SENT_AT, List.of()),
                List.of(recipients), SENT_AT);
    }

    private static EmailDeliveryDeferredEvent deferred(int attempt) {
        return new EmailDeliveryDeferredEvent(EMAIL, ACCOUNT, MAILBOX, List.of(BOB), attempt, "421 busy", SENT_AT);
    }
}
