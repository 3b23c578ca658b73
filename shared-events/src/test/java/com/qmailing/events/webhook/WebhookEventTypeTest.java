package com.qmailing.events.webhook;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static com.qmailing.events.webhook.WebhookEventType.ALL;
import static com.qmailing.events.webhook.WebhookEventType.EMAIL_BOUNCED;
import static com.qmailing.events.webhook.WebhookEventType.EMAIL_RECEIVED;
import static com.qmailing.events.webhook.WebhookEventType.EMAIL_SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookEventTypeTest {

    @Test
    void parsesTheWireStringsOfTheHostedApi() {
        assertThat(WebhookEventType.parseAll(List.of("email.received", "email.sent", "email.bounced",
                "domain.verified", "*"))).containsExactlyInAnyOrder(WebhookEventType.values());
    }

    @Test
    void anUnknownTypeIsNamedInTheRefusal() {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookEventType.parseAll(List.of("email.received",
                "Email.Received"))).withMessage("unknown event type 'Email.Received'");
    }

    @Test
    void anEndpointReceivesWhatItSubscribedToAndStarReceivesEverything() {
        Set<WebhookEventType> received = EnumSet.of(EMAIL_RECEIVED);
        assertThat(WebhookEventType.subscribes(received, EMAIL_RECEIVED)).isTrue();
        assertThat(WebhookEventType.subscribes(received, EMAIL_SENT)).isFalse();
        assertThat(WebhookEventType.subscribes(EnumSet.of(ALL), EMAIL_BOUNCED)).isTrue();
    }

    @Test
    void storedWiresReadBackAsTheSameTypes() {
        Set<WebhookEventType> types = EnumSet.of(EMAIL_BOUNCED, EMAIL_RECEIVED);
        assertThat(WebhookEventType.toWires(types)).containsExactly("email.received", "email.bounced");
        assertThat(WebhookEventType.fromWires(WebhookEventType.toWires(types))).isEqualTo(types);
    }
}
