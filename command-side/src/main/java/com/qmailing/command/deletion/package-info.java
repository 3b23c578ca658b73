/**
 * The 30-day soft-delete window and the purge that ends it: one saga per deleted account, mailbox
 * or trashed email, each with a durable deadline at its purge date. The purges are decided by the
 * aggregates; their steps (keys, blobs, lookup rows) are follow-ups of the purged events in each
 * feature's package, and the projections drop their rows when they see those events.
 */
package com.qmailing.command.deletion;
