package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.Plan;

/** What an account uses against what its plan allows. */
public record UsageView(AccountId accountId, Plan plan, long mailboxCount, long mailboxLimit, long storageBytes,
                        long storageLimit, long sentToday, long sendLimit) {
}
