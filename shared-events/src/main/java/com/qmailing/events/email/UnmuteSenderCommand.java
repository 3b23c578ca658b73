package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a mute rule; removing one that does not exist changes nothing. */
public record UnmuteSenderCommand(@TargetAggregateIdentifier AccountId accountId, MutedSender sender) {
}
