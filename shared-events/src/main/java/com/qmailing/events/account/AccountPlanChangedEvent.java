package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.Plan;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record AccountPlanChangedEvent(AccountId accountId, Plan previousPlan, Plan plan, Instant changedAt) {
}
