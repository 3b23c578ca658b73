package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves an email to a stored folder (not a view). Moving to {@link Folder#TRASH} is the same as
 * {@link TrashEmailCommand}; moving out of the trash is a restore to that folder.
 */
public record MoveEmailCommand(@TargetAggregateIdentifier EmailId emailId, AccountId accountId, Folder folder) {
}
