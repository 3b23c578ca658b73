package com.qmailing.api.auth;

import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.PlanCatalog;
import com.qmailing.events.common.PlanLimits;
import com.qmailing.events.common.Scope;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final RateLimiter limiter = new RateLimiter(new PlanCatalog(Map.of(
            Plan.FREE, new PlanLimits(false, 1, 1L << 20, 1, 0, 0, 6),
            Plan.PLUS, new PlanLimits(true, 10, 1L << 30, 100, 1, 1, 60),
            Plan.PRO, new PlanLimits(true, 10, 1L << 30, 100, 1, 1, 600),
            Plan.PRO_PLUS, new PlanLimits(true, 10, 1L << 30, 100, 1, 1, 600),
            Plan.PRO_MAX, new PlanLimits(true, 10, 1L << 30, 100, 1, 1, 600))));

    @Test
    void aFullMinuteOfRequestsMayComeAtOnceThenTheNextIsRefusedWithTheWait() {
        Caller caller = caller(Plan.PLUS);
        for (int i = 0; i < 60; i++) {
            limiter.take(caller, 0);
        }

        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> limiter.take(caller, 0));

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
        assertThat(refused.extras()).containsEntry("retryAfterSeconds", 1L);
    }

    @Test
    void theAllowanceRefillsEvenly() {
        Caller caller = caller(Plan.PLUS);
        for (int i = 0; i < 60; i++) {
            limiter.take(caller, 0);
        }

        limiter.take(caller, SECOND);
        assertThatThrownBy(() -> limiter.take(caller, SECOND)).isInstanceOf(ApiProblem.class);
        limiter.take(caller, 3 * SECOND);
        limiter.take(caller, 3 * SECOND);
    }

    @Test
    void accountsHaveTheirOwnAllowanceAtTheirPlansRate() {
        Caller plus = caller(Plan.PLUS);
        Caller pro = caller(Plan.PRO);
        for (int i = 0; i < 60; i++) {
            limiter.take(plus, 0);
        }
        for (int i = 0; i < 600; i++) {
            limiter.take(pro, 0);
        }

        assertThatThrownBy(() -> limiter.take(plus, 0)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> limiter.take(pro, 0)).isInstanceOf(ApiProblem.class);
        assertThat(limiter.size()).isEqualTo(2);
    }

    private static Caller caller(Plan plan) {
        return new Caller(AccountId.random(), ApiTokenId.random(), Set.of(Scope.ALL), plan);
    }
}
