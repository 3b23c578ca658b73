package com.qmailing.command.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;
import com.qmailing.events.webhook.RecordWebhookDeliveredCommand;
import com.qmailing.events.webhook.RecordWebhookDeliveryFailedCommand;
import com.qmailing.events.webhook.WebhookDeliveryRequestedEvent;
import com.qmailing.events.webhook.WebhookEndpointDisabledEvent;
import com.qmailing.events.webhook.WebhookEndpointRevokedEvent;
import com.qmailing.events.webhook.WebhookEventType;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliverySagaTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final WebhookEndpointId ENDPOINT = WebhookEndpointId.parse("6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a");
    private static final AccountId OWNER = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final UUID DELIVERY = UUID.fromString("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration SECOND_RETRY = Duration.ofSeconds(30);

    private SagaTestFixture<WebhookDeliverySaga> fixture;
    private ScriptedAttempts attempts;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(WebhookDeliverySaga.class);
        fixture.givenCurrentTime(START);
        attempts = new ScriptedAttempts();
        fixture.registerResource(attempts);
        fixture.registerResource(new RetrySchedule(List.of(FIRST_RETRY, SECOND_RETRY)));
        fixture.registerResource(new FixtureClock(fixture));
    }

    @Test
    void aRequestedDeliveryIsAttemptedAtOnceOnADurableDeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectAssociationWith("endpointId", ENDPOINT.toString())
                .expectScheduledDeadline(Duration.ZERO, new AttemptDue(1))
                .expectNoDispatchedCommands();
        assertThat(attempts.made).isEmpty();
    }

    @Test
    void aDeliveredAttemptIsRecordedAndEndsTheDeliveryWithItsPayload() {
        attempts.then(new AttemptOutcome.Delivered(204));
        fixture.givenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordWebhookDeliveredCommand(ENDPOINT, DELIVERY, 1, 204))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(attempts.made).hasSize(1);
        assertThat(attempts.discarded).containsExactly(DELIVERY);
    }

    @Test
    void aFailedAttemptIsRecordedWithItsRetryAndRetriedAfterTheFirstDelay() {
        attempts.then(new AttemptOutcome.Failed(500, "HTTP 500"));
        fixture.givenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordWebhookDeliveryFailedCommand(ENDPOINT, DELIVERY, 1, 500,
                        "HTTP 500", START, START.plus(FIRST_RETRY)))
                .expectScheduledDeadline(FIRST_RETRY, new AttemptDue(2))
                .expectActiveSagas(1);
        assertThat(attempts.discarded).isEmpty();
    }

    @Test
    void aRetryThatSucceedsEndsTheDelivery() throws Exception {
        attempts.then(new AttemptOutcome.Failed(null, "connection refused")).then(new AttemptOutcome.Delivered(200));
        fixture.givenAPublished(requested())
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(FIRST_RETRY)
                .expectDispatchedCommands(new RecordWebhookDeliveredCommand(ENDPOINT, DELIVERY, 2, 200))
                .expectActiveSagas(0);
        assertThat(attempts.made).hasSize(2);
    }

    @Test
    void whenEveryRetryIsSpentTheLastFailureSaysNoMoreAttemptsFollowAndTheDeliveryEnds() throws Exception {
        attempts.then(new AttemptOutcome.Failed(503, "HTTP 503")).then(new AttemptOutcome.Failed(503, "HTTP 503"))
                .then(new AttemptOutcome.Failed(null, "no answer within 10 s"));
        fixture.givenAPublished(requested())
                .andThenTimeElapses(Duration.ZERO)
                .andThenTimeElapses(FIRST_RETRY)
                .whenTimeElapses(SECOND_RETRY)
                .expectDispatchedCommands(new RecordWebhookDeliveryFailedCommand(ENDPOINT, DELIVERY, 3, null,
                        "no answer within 10 s", START, null))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
        assertThat(attempts.made).hasSize(3);
        assertThat(attempts.discarded).containsExactly(DELIVERY);
    }

    @Test
    void revokingTheEndpointCancelsThePendingRetryAndEndsTheDelivery() throws Exception {
        attempts.then(new AttemptOutcome.Failed(500, "HTTP 500"));
        fixture.givenAPublished(requested())
                .andThenTimeElapses(Duration.ZERO)
                .whenPublishingA(new WebhookEndpointRevokedEvent(ENDPOINT, OWNER, START.plusSeconds(5)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        assertThat(attempts.made).hasSize(1);
        assertThat(attempts.discarded).containsExactly(DELIVERY);
    }

    @Test
    void disablingTheEndpointEndsItsOtherDeliveries() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new WebhookEndpointDisabledEvent(ENDPOINT, OWNER, "failing", START.plusSeconds(1)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(attempts.made).isEmpty();
    }

    @Test
    void theSameDeliveryRequestedTwiceIsUnderWayOnce() {
        fixture.givenAPublished(requested())
                .andThenAPublished(requested())
                .whenPublishingA(new WebhookEndpointRevokedEvent(ENDPOINT, OWNER, START.plusSeconds(1)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anUndeliverableDeliveryEndsWithoutRecordingAnything() {
        attempts.then(new AttemptOutcome.Undeliverable());
        fixture.givenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
        assertThat(attempts.discarded).containsExactly(DELIVERY);
    }

    /** db-scheduler runs a deadline again when its node died after the attempt committed. */
    @Test
    void aDeadlineForAnAttemptOtherThanTheNextOneIsIgnored() {
        WebhookDeliverySaga saga = new WebhookDeliverySaga();

        saga.attempt(new AttemptDue(2), attempts, new RetrySchedule(List.of(FIRST_RETRY)), null, null,
                new FixtureClock(fixture));

        assertThat(attempts.made).isEmpty();
    }

    private static WebhookDeliveryRequestedEvent requested() {
        return new WebhookDeliveryRequestedEvent(ENDPOINT, OWNER, DELIVERY, WebhookEventType.EMAIL_RECEIVED, START);
    }

    /** Answers attempts from a script and remembers what was asked. */
    static final class ScriptedAttempts implements DeliveryAttempts {

        private final Deque<AttemptOutcome> script = new ArrayDeque<>();
        final List<UUID> made = new ArrayList<>();
        final List<UUID> discarded = new ArrayList<>();

        ScriptedAttempts then(AttemptOutcome outcome) {
            script.add(outcome);
            return this;
        }

        @Override
        public AttemptOutcome attempt(WebhookEndpointId endpoint, UUID delivery) {
            made.add(delivery);
            return script.remove();
        }

        @Override
        public void discard(UUID delivery) {
            discarded.add(delivery);
        }
    }

    /** The fixture's own time, which {@code whenTimeElapses} moves on. */
    private static final class FixtureClock extends Clock {

        private final SagaTestFixture<?> fixture;

        FixtureClock(SagaTestFixture<?> fixture) {
            this.fixture = fixture;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }
}
