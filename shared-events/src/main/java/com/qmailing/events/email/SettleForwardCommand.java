package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends a forward whose delivery has its final outcome: the forward copy is purged, after it was kept
 * in its mailbox's INBOX if it bounced and the mailbox kept no copy of its own ({@code forwardOnly}).
 */
public record SettleForwardCommand(@TargetAggregateIdentifier EmailId emailId, AccountId accountId) {
}
