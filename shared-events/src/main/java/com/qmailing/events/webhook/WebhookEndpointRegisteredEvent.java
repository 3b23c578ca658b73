package com.qmailing.events.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.common.PersonalData;
import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** An endpoint was registered. Carries the secret's display prefix, never the secret. */
@Revision("1")
public record WebhookEndpointRegisteredEvent(WebhookEndpointId endpointId, AccountId accountId,
                                             @PersonalData String url, @PersonalData String label,
                                             Set<WebhookEventType> events, String secretPrefix,
                                             Instant registeredAt) implements HasPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.account(accountId);
    }
}
