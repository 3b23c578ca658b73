package com.qmailing.events.consistency;

/**
 * The read models an edge can wait for after a command (the projections of the query side, one
 * per processing group {@code projection.<name in lower case>}).
 */
public enum ReadModel {
    ACCOUNTS, MAILBOXES, TOKENS, EMAILS, WEBHOOKS
}
