package com.qmailing.mcp.tool;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.Scope;
import com.qmailing.mcp.McpProperties;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreePlanAllowanceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T23:59:00Z"));
    private final FreePlanAllowance allowance = new FreePlanAllowance(clock,
            new McpProperties(Duration.ofMinutes(30), List.of(), List.of(), 3));

    @Test
    void theAllowanceIsPerAccountAndRenewsAtMidnightUtcWithTheSecondsToWaitInTheRefusal() {
        Caller first = free();
        Caller second = free();
        for (int i = 0; i < 3; i++) {
            allowance.consume(first);
        }
        allowance.consume(second);

        assertThatThrownBy(() -> allowance.consume(first)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
            assertThat(problem.extras()).containsEntry("retryAfterSeconds", 60L);
            assertThat(problem.detail()).contains("allows 3 MCP tool calls per UTC day").contains("in 60 seconds");
        });

        clock.now = Instant.parse("2026-11-24T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            allowance.consume(first);
        }
        assertThatThrownBy(() -> allowance.consume(first)).isInstanceOf(ApiProblem.class);
    }

    private static Caller free() {
        return new Caller(AccountId.random(), ApiTokenId.random(), Set.of(Scope.ALL), Plan.FREE);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
