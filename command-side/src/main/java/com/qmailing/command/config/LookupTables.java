package com.qmailing.command.config;

/**
 * Lookup tables come in two kinds of writes. A <em>claim</em> (an address, an account email, a
 * mailbox slot of the quota) must hold before the aggregate decides, so the external command
 * handler makes it. A <em>follow-up</em> (a plan change, a revocation) follows an event, so a
 * subscribing handler of this group applies it in the command's own transaction.
 */
public final class LookupTables {

    /** Subscribing processor: runs inside the command's transaction, and its failures fail the command. */
    public static final String FOLLOW_UPS = "command-lookups";

    private LookupTables() {
    }
}
