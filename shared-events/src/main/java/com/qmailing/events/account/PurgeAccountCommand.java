package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the deletion saga when the window has passed: purges the account for good. Refused
 * ({@code Conflict}) while no deletion is pending or before its purge date; repeating it after
 * the purge redoes the idempotent steps and records nothing new.
 */
public record PurgeAccountCommand(@TargetAggregateIdentifier AccountId accountId) {
}
