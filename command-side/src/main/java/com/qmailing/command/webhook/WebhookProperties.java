package com.qmailing.command.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Webhook settings ({@code qmailing.webhooks.*}).
 *
 * @param allowPrivate whether endpoints may be on loopback, private, link-local or metadata
 *                     addresses: for tests and deployments whose receivers are internal
 * @param retryDelays  the wait before each retry of a failed delivery; once all are spent the
 *                     delivery gives up. The default keeps trying for almost 32 hours.
 * @param timeout      the longest one attempt may take, connecting included
 */
@ConfigurationProperties("qmailing.webhooks")
public record WebhookProperties(boolean allowPrivate, List<Duration> retryDelays, Duration timeout) {

    static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8), Duration.ofHours(8));
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public WebhookProperties {
        retryDelays = retryDelays == null || retryDelays.isEmpty() ? DEFAULT_RETRY_DELAYS : List.copyOf(retryDelays);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (retryDelays.stream().anyMatch(delay -> delay.isNegative())) {
            throw new IllegalArgumentException("qmailing.webhooks.retry-delays must not be negative");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("qmailing.webhooks.timeout must be positive");
        }
    }
}
