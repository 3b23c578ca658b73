package com.qmailing.api.auth;

import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.PlanCatalog;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plan's request rate per account ({@code requestsPerMinute}), as a token bucket: a burst of
 * a whole minute's allowance, refilled evenly. Over it, 429 with the seconds until one request
 * is allowed again. Kept in memory per node: with several API nodes each allows the full rate.
 */
@Component
public class RateLimiter {

    private static final long IDLE_NANOS = Duration.ofMinutes(5).toNanos();

    private final PlanCatalog plans;
    private final Map<AccountId, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(PlanCatalog plans) {
        this.plans = plans;
    }

    /** Takes one request from the caller's allowance, or refuses with 429 RateLimitExceeded. */
    public void take(Caller caller) {
        take(caller, System.nanoTime());
    }

    void take(Caller caller, long nowNanos) {
        int perMinute = plans.of(caller.plan()).requestsPerMinute();
        long waitNanos = buckets.computeIfAbsent(caller.accountId(), id -> new Bucket()).take(perMinute, nowNanos);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            throw new ApiProblem(ErrorCode.RATE_LIMIT_EXCEEDED,
                    "the " + caller.plan() + " plan allows " + perMinute + " requests per minute",
                    Map.of("retryAfterSeconds", seconds));
        }
    }

    /** Buckets untouched for minutes are full again anyway: dropping them keeps memory flat. */
    @Scheduled(fixedDelay = 60_000)
    void forgetIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.idleSince(now) > IDLE_NANOS);
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {

        private double tokens = Double.NaN;
        private long updated;

        /** Zero when a token was taken, else the nanoseconds until one will be there. */
        synchronized long take(int perMinute, long now) {
            double perNano = perMinute / 60e9;
            tokens = Double.isNaN(tokens) ? perMinute : Math.min(perMinute, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }
    }
}
