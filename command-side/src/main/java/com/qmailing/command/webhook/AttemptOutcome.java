package com.qmailing.command.webhook;

/** What one delivery attempt came to. */
sealed interface AttemptOutcome {

    /** The endpoint answered with a 2xx. */
    record Delivered(int status) implements AttemptOutcome {
    }

    /**
     * The attempt failed and may be retried.
     *
     * @param status the HTTP status, or {@code null} when there was no answer
     * @param error  why, in words that never contain the URL, a secret or the response body
     */
    record Failed(Integer status, String error) implements AttemptOutcome {
    }

    /** Nothing left to deliver: the endpoint is gone or disabled, or the payload was shredded. */
    record Undeliverable() implements AttemptOutcome {
    }
}
