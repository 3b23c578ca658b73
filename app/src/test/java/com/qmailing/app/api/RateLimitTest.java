package com.qmailing.app.api;

import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** P16: the plan's request rate per account; PLUS allows 600 a minute (a burst of 600, then 10 a second). */
class RateLimitTest extends IntegrationTest {

    @Test
    void requestsBeyondThePlansRateAreAnswered429WithRetryAfter() {
        Api.Client plus = admin().newAccount("PLUS");
        Api.Response refused = null;
        int allowed = 0;
        for (int i = 0; i < 1_000 && refused == null; i++) {
            Api.Response response = plus.get("/api/v1/pub/mailboxes");
            if (response.status() == 429) {
                refused = response;
            } else {
                assertThat(response.status()).isEqualTo(200);
                allowed++;
            }
        }

        assertThat(refused).as("no 429 within 1,000 requests").isNotNull();
        assertThat(allowed).isGreaterThanOrEqualTo(600);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("RateLimitExceeded");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.json().get("retryAfterSeconds").asLong()).isPositive();
        // Another account is not slowed down by this one.
        admin().newAccount("PLUS").get("/api/v1/pub/mailboxes").expect(200);
    }
}
