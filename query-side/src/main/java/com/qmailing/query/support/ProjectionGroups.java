package com.qmailing.query.support;

import com.qmailing.events.consistency.ReadModel;

import java.util.Locale;

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

    /** The group of the projection that keeps this read model. */
    public static String of(ReadModel readModel) {
        return PREFIX + readModel.name().toLowerCase(Locale.ROOT);
    }
}
