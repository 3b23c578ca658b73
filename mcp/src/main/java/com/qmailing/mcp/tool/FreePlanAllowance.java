package com.qmailing.mcp.tool;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.mcp.McpProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daily tool-call allowance of plans without the public API (FREE): {@code qmailing.mcp.free-daily-calls}
 * per account and UTC day. Exhausted, a call is refused with 429 {@code RateLimitExceeded} and the seconds
 * until the allowance renews at midnight UTC: the refusal passes by itself, so it is a "wait", not a
 * "pay" (402 stays the answer for tools the plan lacks). Counted in memory, per instance: a restart
 * renews the day's allowance, and N MCP instances allow N times the calls.
 */
@Component
class FreePlanAllowance {

    private final Clock clock;
    private final int dailyCalls;
    private final Map<AccountId, Count> counts = new ConcurrentHashMap<>();
    private volatile LocalDate countedDay;

    FreePlanAllowance(Clock clock, McpProperties properties) {
        this.clock = clock;
        this.dailyCalls = properties.freeDailyCalls();
    }

    private record Count(LocalDate day, int calls) {
    }

    /** Counts one call. @throws ApiProblem 429 once the day's allowance is used up */
    void consume(Caller caller) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        forgetDaysBefore(today);
        Count count = counts.compute(caller.accountId(), (account, previous) ->
                previous == null || !previous.day().equals(today) ? new Count(today, 1)
                        : new Count(today, previous.calls() + 1));
        if (count.calls() > dailyCalls) {
            long renewsIn = Duration.between(now, today.plusDays(1).atStartOfDay(ZoneOffset.UTC)).toMillis();
            long retryAfterSeconds = Math.max(1, (renewsIn + 999) / 1000);
            throw new ApiProblem(ErrorCode.RATE_LIMIT_EXCEEDED, "the " + caller.plan() + " plan allows "
                    + dailyCalls + " MCP tool calls per UTC day; the allowance renews in " + retryAfterSeconds
                    + " seconds (PLUS and above have no daily cap)",
                    Map.of("retryAfterSeconds", retryAfterSeconds));
        }
    }

    /** Yesterday's counts can never matter again; dropping them keeps memory to today's callers. */
    private void forgetDaysBefore(LocalDate today) {
        if (!today.equals(countedDay)) {
            countedDay = today;
            counts.values().removeIf(count -> count.day().isBefore(today));
        }
    }
}
