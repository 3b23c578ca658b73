package com.qmailing.api.mute;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.RequiredScope;
import com.qmailing.api.core.Gateways;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.Scope;
import com.qmailing.events.email.ListMuteRulesQuery;
import com.qmailing.events.email.MuteRuleView;
import com.qmailing.events.email.MuteSenderCommand;
import com.qmailing.events.email.MutedSender;
import com.qmailing.events.email.UnmuteSenderCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Mute rules of the account (ext): mail from a muted sender or domain leaves the INBOX for the
 * MUTED view, including mail already received. Needs a {@code *} token, like the rest of the
 * account API.
 */
@RestController
@RequestMapping("/api/v1/account/mute-rules")
class MuteRuleController {

    private final Gateways gateways;

    MuteRuleController(Gateways gateways) {
        this.gateways = gateways;
    }

    record MuteRuleRequest(String pattern) {
    }

    /** A rule on the wire: {@code kind} is SENDER for an address, DOMAIN for a whole domain. */
    record MuteRuleResponse(String pattern, MutedSender.Kind kind, Instant createdAt) {

        static MuteRuleResponse of(MuteRuleView view) {
            return new MuteRuleResponse(view.pattern(), view.kind(), view.createdAt());
        }
    }

    @GetMapping
    @RequiredScope(Scope.ALL)
    List<MuteRuleResponse> list(Caller caller) {
        return gateways.list(new ListMuteRulesQuery(caller.accountId()), MuteRuleView.class).stream()
                .map(MuteRuleResponse::of).toList();
    }

    /** 201 with the rule; muting what is already muted answers the same. */
    @PostMapping
    @RequiredScope(Scope.ALL)
    ResponseEntity<MuteRuleResponse> mute(Caller caller, @RequestBody MuteRuleRequest request) {
        MutedSender sender = sender(request.pattern(), true);
        gateways.sendAndSettle(new MuteSenderCommand(caller.accountId(), sender), caller.accountId());
        MuteRuleResponse rule = list(caller).stream().filter(r -> r.pattern().equals(sender.pattern())).findFirst()
                .orElseThrow(() -> new IllegalStateException("a settled mute rule is listed"));
        return ResponseEntity.status(201).body(rule);
    }

    /** Idempotent: 204 whether or not the rule existed. */
    @DeleteMapping("/{pattern}")
    @RequiredScope(Scope.ALL)
    ResponseEntity<Void> unmute(Caller caller, @PathVariable String pattern) {
        gateways.sendAndSettle(new UnmuteSenderCommand(caller.accountId(), sender(pattern, false)),
                caller.accountId());
        return ResponseEntity.noContent().build();
    }

    private static MutedSender sender(String pattern, boolean inBody) {
        try {
            return MutedSender.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw inBody ? ApiProblem.invalid("pattern", "must be a sender address or a domain")
                    : ApiProblem.notFound();
        }
    }
}
