package com.qmailing.events.token;

/**
 * Answers {@code Optional<TokenCredentialsView>} for the token with this lookup key, read from
 * the command side's consistent store so that a revocation or plan change shows on the very
 * next request.
 */
public record FindTokenCredentialsQuery(String lookupKey) {
}
