package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.Plan;

import java.time.Instant;

public record AccountView(AccountId id, String email, String name, Plan plan, AccountStatus status,
                          Instant createdAt) {
}
