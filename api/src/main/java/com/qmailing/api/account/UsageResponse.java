package com.qmailing.api.account;

import com.qmailing.events.account.UsageView;
import com.qmailing.events.common.Plan;

public record UsageResponse(Plan plan, long mailboxCount, long mailboxLimit, long storageBytes, long storageLimit,
                            long sentToday, long sendLimit) {

    public static UsageResponse of(UsageView view) {
        return new UsageResponse(view.plan(), view.mailboxCount(), view.mailboxLimit(), view.storageBytes(),
                view.storageLimit(), view.sentToday(), view.sendLimit());
    }
}
