package com.qmailing.command.token;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.Scope;
import com.qmailing.events.token.ApiTokenIssuedEvent;
import com.qmailing.events.token.ApiTokenRevokedEvent;
import com.qmailing.events.token.RevokeApiTokenCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

import static com.qmailing.command.BusinessErrors.refusedWith;

class ApiTokenTest {

    private static final Instant ISSUED_AT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final ApiTokenId TOKEN = ApiTokenId.parse("9f8e7d6c-5b4a-4321-8fed-cba987654321");
    private static final AccountId OWNER = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final AccountId STRANGER = AccountId.parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    private FixtureConfiguration<ApiToken> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiToken.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void revokingATokenRecordsTheRevocationAtTheTimeOfTheClock() {
        fixture.given(issued())
                .when(new RevokeApiTokenCommand(TOKEN, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApiTokenRevokedEvent(TOKEN, OWNER, NOW));
    }

    @Test
    void revokingTwiceRecordsTheRevocationOnlyOnce() {
        fixture.given(issued())
                .andGivenCommands(new RevokeApiTokenCommand(TOKEN, OWNER))
                .when(new RevokeApiTokenCommand(TOKEN, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokingARevokedTokenRecordsNothing() {
        fixture.given(issued(), new ApiTokenRevokedEvent(TOKEN, OWNER, ISSUED_AT.plusSeconds(60)))
                .when(new RevokeApiTokenCommand(TOKEN, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherAccountCannotRevokeTheTokenAndIsToldItDoesNotExist() {
        fixture.given(issued())
                .when(new RevokeApiTokenCommand(TOKEN, STRANGER))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anotherAccountIsToldARevokedTokenDoesNotExistRatherThanThatItIsRevoked() {
        fixture.given(issued(), new ApiTokenRevokedEvent(TOKEN, OWNER, ISSUED_AT.plusSeconds(60)))
                .when(new RevokeApiTokenCommand(TOKEN, STRANGER))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    private static ApiTokenIssuedEvent issued() {
        return new ApiTokenIssuedEvent(TOKEN, OWNER, "CI", EnumSet.of(Scope.MAILBOXES_READ, Scope.EMAIL_READ),
                "qm_live_abcd", ISSUED_AT.plusSeconds(90 * 24 * 3600), ISSUED_AT);
    }
}
