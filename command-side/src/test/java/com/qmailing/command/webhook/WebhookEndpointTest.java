package com.qmailing.command.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.WebhookEndpointId;
import com.qmailing.events.webhook.RecordWebhookDeliveredCommand;
import com.qmailing.events.webhook.RecordWebhookDeliveryFailedCommand;
import com.qmailing.events.webhook.RequestWebhookDeliveryCommand;
import com.qmailing.events.webhook.RevokeWebhookEndpointCommand;
import com.qmailing.events.webhook.WebhookDeliveryFailedEvent;
import com.qmailing.events.webhook.WebhookDeliveryRequestedEvent;
import com.qmailing.events.webhook.WebhookDeliverySucceededEvent;
import com.qmailing.events.webhook.WebhookEndpointDisabledEvent;
import com.qmailing.events.webhook.WebhookEndpointRegisteredEvent;
import com.qmailing.events.webhook.WebhookEndpointRevokedEvent;
import com.qmailing.events.webhook.WebhookEventType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;

import static com.qmailing.command.BusinessErrors.refusedWith;

class WebhookEndpointTest {

    private static final Instant REGISTERED_AT = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private static final WebhookEndpointId ENDPOINT = WebhookEndpointId.parse("6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a");
    private static final AccountId OWNER = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final AccountId STRANGER = AccountId.parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final UUID DELIVERY = UUID.fromString("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9");
    private static final Instant REQUESTED_AT = Instant.parse("2026-11-25T09:00:00Z");

    private FixtureConfiguration<WebhookEndpoint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookEndpoint.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void revokingRecordsTheRevocationAtTheTimeOfTheClock() {
        fixture.given(registered())
                .when(new RevokeWebhookEndpointCommand(ENDPOINT, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new WebhookEndpointRevokedEvent(ENDPOINT, OWNER, NOW));
    }

    @Test
    void revokingARevokedEndpointRecordsNothing() {
        fixture.given(registered(), new WebhookEndpointRevokedEvent(ENDPOINT, OWNER, REQUESTED_AT))
                .when(new RevokeWebhookEndpointCommand(ENDPOINT, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherAccountIsToldTheEndpointDoesNotExist() {
        fixture.given(registered())
                .when(new RevokeWebhookEndpointCommand(ENDPOINT, STRANGER))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anEnabledEndpointTakesADelivery() {
        fixture.given(registered())
                .when(new RequestWebhookDeliveryCommand(ENDPOINT, DELIVERY, WebhookEventType.EMAIL_RECEIVED))
                .expectResultMessagePayload(true)
                .expectEvents(new WebhookDeliveryRequestedEvent(ENDPOINT, OWNER, DELIVERY,
                        WebhookEventType.EMAIL_RECEIVED, NOW));
    }

    @Test
    void aRevokedEndpointTakesNoDelivery() {
        fixture.given(registered(), new WebhookEndpointRevokedEvent(ENDPOINT, OWNER, REQUESTED_AT))
                .when(new RequestWebhookDeliveryCommand(ENDPOINT, DELIVERY, WebhookEventType.EMAIL_RECEIVED))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aDisabledEndpointTakesNoDelivery() {
        fixture.given(registered(), new WebhookEndpointDisabledEvent(ENDPOINT, OWNER, "failing", REQUESTED_AT))
                .when(new RequestWebhookDeliveryCommand(ENDPOINT, DELIVERY, WebhookEventType.EMAIL_RECEIVED))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aSuccessfulAttemptIsRecorded() {
        fixture.given(registered(), requested())
                .when(new RecordWebhookDeliveredCommand(ENDPOINT, DELIVERY, 2, 204))
                .expectEvents(new WebhookDeliverySucceededEvent(ENDPOINT, OWNER, DELIVERY, 2, 204, NOW));
    }

    @Test
    void aFailedAttemptWithARetryAheadIsRecordedAndDisablesNothing() {
        Instant retryAt = NOW.plusSeconds(600);
        fixture.given(registered(), requested())
                .when(new RecordWebhookDeliveryFailedCommand(ENDPOINT, DELIVERY, 3, 500, "HTTP 500", REQUESTED_AT,
                        retryAt))
                .expectEvents(new WebhookDeliveryFailedEvent(ENDPOINT, OWNER, DELIVERY, 3, 500, "HTTP 500", NOW,
                        retryAt));
    }

    @Test
    void aDeliveryThatGivesUpWithNothingDeliveredSinceItWasRequestedDisablesTheEndpoint() {
        fixture.given(registered(), requested(),
                        new WebhookDeliverySucceededEvent(ENDPOINT, OWNER, UUID.randomUUID(), 1, 200,
                                REQUESTED_AT.minusSeconds(1)))
                .when(new RecordWebhookDeliveryFailedCommand(ENDPOINT, DELIVERY, 12, null, "connection refused",
                        REQUESTED_AT, null))
                .expectEvents(new WebhookDeliveryFailedEvent(ENDPOINT, OWNER, DELIVERY, 12, null,
                                "connection refused", NOW, null),
                        new WebhookEndpointDisabledEvent(ENDPOINT, OWNER,
                                "every attempt since 2026-11-25T09:00:00Z failed; the last: connection refused", NOW));
    }

    @Test
    void aDeliveryThatGivesUpWhileOthersGetThroughDoesNotDisableTheEndpoint() {
        fixture.given(registered(), requested(),
                        new WebhookDeliverySucceededEvent(ENDPOINT, OWNER, UUID.randomUUID(), 1, 200,
                                REQUESTED_AT.plusSeconds(3600)))
                .when(new RecordWebhookDeliveryFailedCommand(ENDPOINT, DELIVERY, 12, 422, "HTTP 422", REQUESTED_AT,
                        null))
                .expectEvents(new WebhookDeliveryFailedEvent(ENDPOINT, OWNER, DELIVERY, 12, 422, "HTTP 422", NOW,
                        null));
    }

    @Test
    void aDisabledEndpointIsNotDisabledTwice() {
        fixture.given(registered(), requested(),
                        new WebhookEndpointDisabledEvent(ENDPOINT, OWNER, "failing", REQUESTED_AT.plusSeconds(60)))
                .when(new RecordWebhookDeliveryFailedCommand(ENDPOINT, DELIVERY, 12, 500, "HTTP 500", REQUESTED_AT,
                        null))
                .expectEvents(new WebhookDeliveryFailedEvent(ENDPOINT, OWNER, DELIVERY, 12, 500, "HTTP 500", NOW,
                        null));
    }

    @Test
    void outcomesOfARevokedEndpointAreNotRecorded() {
        fixture.given(registered(), requested(), new WebhookEndpointRevokedEvent(ENDPOINT, OWNER, REQUESTED_AT))
                .when(new RecordWebhookDeliveredCommand(ENDPOINT, DELIVERY, 1, 200))
                .expectNoEvents();
        fixture.given(registered(), requested(), new WebhookEndpointRevokedEvent(ENDPOINT, OWNER, REQUESTED_AT))
                .when(new RecordWebhookDeliveryFailedCommand(ENDPOINT, DELIVERY, 12, 500, "HTTP 500", REQUESTED_AT,
                        null))
                .expectNoEvents();
    }

    static WebhookEndpointRegisteredEvent registered() {
        return new WebhookEndpointRegisteredEvent(ENDPOINT, OWNER, "https://hooks.example.org/q", "desk",
                EnumSet.of(WebhookEventType.EMAIL_RECEIVED), "whsec_Ab3d", REGISTERED_AT);
    }

    private static WebhookDeliveryRequestedEvent requested() {
        return new WebhookDeliveryRequestedEvent(ENDPOINT, OWNER, DELIVERY, WebhookEventType.EMAIL_RECEIVED,
                REQUESTED_AT);
    }
}
