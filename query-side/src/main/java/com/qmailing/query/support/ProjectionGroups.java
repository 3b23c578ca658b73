package com.qmailing.query.support;

/**
 * Processing groups of the projections. Every group with this prefix is a replayable streaming
 * processor whose progress {@code AwaitProjectionsQuery} waits for.
 */
public final class ProjectionGroups {

    public static final String PREFIX = "projection.";
    public static final String ACCOUNTS = PREFIX + "accounts";
    public static final String MAILBOXES = PREFIX + "mailboxes";
    public static final String TOKENS = PREFIX + "tokens";
    public static final String EMAILS = PREFIX + "emails";
    public static final String WEBHOOKS = PREFIX + "webhooks";

    private ProjectionGroups() {
    }
}
