package com.qmailing.events.mailbox;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.Change;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.MailboxId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the settings present in the command (a {@code null} field is left as it is). */
public record ChangeMailboxSettingsCommand(@TargetAggregateIdentifier MailboxId mailboxId, AccountId accountId,
                                           Change<String> displayName, Change<EmailAddress> forwardTo,
                                           Boolean forwardOnly) {
}
