package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mutes a sender or sender domain for the whole account; muting one already muted changes nothing. */
public record MuteSenderCommand(@TargetAggregateIdentifier AccountId accountId, MutedSender sender) {
}
