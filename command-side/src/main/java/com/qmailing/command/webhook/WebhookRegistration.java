package com.qmailing.command.webhook;

import com.qmailing.command.account.AccountRegistry;
import com.qmailing.command.config.LookupTables;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.PlanCatalog;
import com.qmailing.events.webhook.RegisterWebhookEndpointCommand;
import com.qmailing.events.webhook.WebhookEndpointDisabledEvent;
import com.qmailing.events.webhook.WebhookEndpointRevokedEvent;
import com.qmailing.events.webhook.WebhookSigningSecret;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;

@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
class WebhookRegistration {

    static final int MAX_LABEL_LENGTH = 100;

    private final Repository<WebhookEndpoint> endpoints;
    private final WebhookEndpointRegistry registry;
    private final AccountRegistry accounts;
    private final PlanCatalog plans;
    private final TargetGuard guard;

    WebhookRegistration(@Lazy Repository<WebhookEndpoint> endpoints, WebhookEndpointRegistry registry,
                        AccountRegistry accounts, PlanCatalog plans, TargetGuard guard) {
        this.endpoints = endpoints;
        this.registry = registry;
        this.accounts = accounts;
        this.plans = plans;
        this.guard = guard;
    }

    /** Checks in the order of the API contract: quota (402), then the request (400). */
    @CommandHandler
    WebhookSigningSecret handle(RegisterWebhookEndpointCommand command, Clock clock) throws Exception {
        Plan plan = accounts.lockActive(command.accountId());
        int limit = plans.of(plan).webhookEndpoints();
        if (registry.countOf(command.accountId()) >= limit) {
            throw new BusinessRuleException(ErrorCode.WEBHOOK_ENDPOINT_QUOTA_EXCEEDED,
                    "the " + plan + " plan allows " + limit + " webhook endpoints");
        }
        if (command.label() != null && command.label().length() > MAX_LABEL_LENGTH) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED, "label: at most 100 characters");
        }
        if (command.events() == null || command.events().isEmpty()) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED, "events: at least one event type");
        }
        guard.checkRegistrable(command.url());
        WebhookSigningSecret secret = SigningSecrets.generate();
        registry.store(command.endpointId(), command.accountId(), command.url(), command.events(), secret);
        endpoints.newInstance(() -> new WebhookEndpoint(command, secret.displayPrefix(), clock.instant()));
        return secret;
    }

    @EventHandler
    void on(WebhookEndpointRevokedEvent event) {
        registry.remove(event.endpointId());
    }

    @EventHandler
    void on(WebhookEndpointDisabledEvent event) {
        registry.disable(event.endpointId());
    }
}
