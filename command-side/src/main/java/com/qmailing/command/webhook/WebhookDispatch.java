package com.qmailing.command.webhook;

import com.qmailing.events.email.EmailBouncedEvent;
import com.qmailing.events.email.EmailDeliveredEvent;
import com.qmailing.events.email.EmailReceivedEvent;
import com.qmailing.events.webhook.WebhookEventType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * The policy that turns events into webhook notifications. Its processor is never reset and
 * starts at the head of the stream, so neither a projection replay nor a first start sends
 * anything for the past. A new webhook type is one handler here and one data record.
 */
@Component
@ProcessingGroup(WebhookDispatch.PROCESSING_GROUP)
class WebhookDispatch {

    static final String PROCESSING_GROUP = "webhook-dispatch";

    private final WebhookNotifier notifier;

    WebhookDispatch(WebhookNotifier notifier) {
        this.notifier = notifier;
    }

    @EventHandler
    void on(EmailReceivedEvent event, EventMessage<EmailReceivedEvent> message) {
        notifier.notify(message, event.accountId(), WebhookEventType.EMAIL_RECEIVED, () -> EmailReceivedData.of(event));
    }

    /** A sent email reached (some of) its recipients: local mailboxes, the relay or SES took it. */
    @EventHandler
    void on(EmailDeliveredEvent event, EventMessage<EmailDeliveredEvent> message) {
        notifier.notify(message, event.accountId(), WebhookEventType.EMAIL_SENT, () -> EmailDeliveryData.of(event));
    }

    @EventHandler
    void on(EmailBouncedEvent event, EventMessage<EmailBouncedEvent> message) {
        notifier.notify(message, event.accountId(), WebhookEventType.EMAIL_BOUNCED, () -> EmailDeliveryData.of(event));
    }
}
