package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.Plan;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates an account; its email is unique across the instance. */
public record CreateAccountCommand(@TargetAggregateIdentifier AccountId accountId, EmailAddress email, String name,
                                   Plan plan) {
}
