package com.qmailing.command.email;

import com.qmailing.command.config.HostedDomains;
import com.qmailing.command.mailbox.AddressRegistry;
import com.qmailing.events.common.PlanCatalog;
import com.qmailing.events.email.RecipientRoute;
import com.qmailing.events.email.ResolveRecipientQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers SMTP's {@code RCPT TO} from the command side's own tables, which are consistent with
 * every committed command: a mailbox is reachable the moment its creation returns.
 */
@Component
class RecipientResolution {

    private final HostedDomains domains;
    private final AddressRegistry addresses;
    private final PlanCatalog plans;

    RecipientResolution(HostedDomains domains, AddressRegistry addresses, PlanCatalog plans) {
        this.domains = domains;
        this.addresses = addresses;
        this.plans = plans;
    }

    @QueryHandler
    RecipientRoute handle(ResolveRecipientQuery query) {
        if (!domains.isHosted(query.address().domain())) {
            return RecipientRoute.notHosted();
        }
        return addresses.receiverOf(query.address())
                .map(receiver -> receiver.accountStorageBytes() >= plans.of(receiver.plan()).storageBytes()
                        ? RecipientRoute.overQuota(receiver.mailbox(), receiver.account())
                        : RecipientRoute.mailbox(receiver.mailbox(), receiver.account()))
                .orElseGet(RecipientRoute::unknownAddress);
    }
}
