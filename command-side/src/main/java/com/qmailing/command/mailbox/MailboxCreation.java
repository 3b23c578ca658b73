package com.qmailing.command.mailbox;

import com.qmailing.command.account.AccountRegistry;
import com.qmailing.command.config.HostedDomains;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxLocalPart;
import com.qmailing.events.mailbox.CreateMailboxCommand;
import com.qmailing.events.mailbox.MailboxView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Component
class MailboxCreation {

    private final Repository<Mailbox> mailboxes;
    private final AccountRegistry accounts;
    private final AddressRegistry addresses;
    private final HostedDomains domains;

    MailboxCreation(@Lazy Repository<Mailbox> mailboxes, AccountRegistry accounts, AddressRegistry addresses,
                    HostedDomains domains) {
        this.mailboxes = mailboxes;
        this.accounts = accounts;
        this.addresses = addresses;
        this.domains = domains;
    }

    /**
     * Checks in the order of the API contract: quota (402), then the request (400), then the address
     * (409). Answers the new mailbox as the read model will show it, so the edge need not read it back.
     */
    @CommandHandler
    MailboxView handle(CreateMailboxCommand command, Clock clock) throws Exception {
        accounts.takeMailboxSlot(command.accountId());
        String localPart = MailboxLocalPart.normalize(command.address().localPart());
        if (localPart == null) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED, "localPart: " + MailboxLocalPart.RULE);
        }
        if (!domains.isPrimary(command.address().domain())) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED,
                    "domain: not a verified domain of this account");
        }
        if (MailboxLocalPart.RESERVED.contains(localPart)) {
            throw new BusinessRuleException(ErrorCode.ADDRESS_TAKEN, "address is reserved by the instance");
        }
        EmailAddress address = new EmailAddress(localPart, command.address().domain());
        addresses.claim(address, command.mailboxId(), command.accountId());
        CreateMailboxCommand normalized = new CreateMailboxCommand(command.mailboxId(), command.accountId(), address,
                command.displayName(), command.forwardTo(), command.forwardOnly());
        // Whole microseconds, as the read model stores time: the mailbox the create answers with is
        // then exactly the one every later read shows.
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        mailboxes.newInstance(() -> new Mailbox(normalized, createdAt));
        return MailboxView.created(Mailbox.creation(normalized, createdAt));
    }
}
