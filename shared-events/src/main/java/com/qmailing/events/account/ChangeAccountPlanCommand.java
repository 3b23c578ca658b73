package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.Plan;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeAccountPlanCommand(@TargetAggregateIdentifier AccountId accountId, Plan plan) {
}
