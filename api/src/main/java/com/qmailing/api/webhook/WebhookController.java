package com.qmailing.api.webhook;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.RequiredScope;
import com.qmailing.events.common.Scope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/pub/webhooks")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @RequiredScope(Scope.WEBHOOKS_WRITE)
    ResponseEntity<RegisteredWebhookResponse> register(Caller caller, @RequestBody RegisterWebhookRequest request) {
        return ResponseEntity.status(201).body(webhooks.register(caller, request));
    }

    @GetMapping
    @RequiredScope(Scope.WEBHOOKS_READ)
    List<WebhookEndpointResponse> list(Caller caller) {
        return webhooks.list(caller);
    }

    @DeleteMapping("/{id}")
    @RequiredScope(Scope.WEBHOOKS_WRITE)
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        webhooks.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
