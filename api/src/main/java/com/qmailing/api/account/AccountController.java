package com.qmailing.api.account;

import com.qmailing.api.auth.AllowedWhileDeletionPending;
import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.IssuedTokenResponse;
import com.qmailing.api.auth.RequiredScope;
import com.qmailing.api.auth.TokenIssuer;
import com.qmailing.api.core.Gateways;
import com.qmailing.api.core.Ids;
import com.qmailing.api.core.Page;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.account.AccountStatus;
import com.qmailing.events.account.CancelAccountDeletionCommand;
import com.qmailing.events.account.GetUsageQuery;
import com.qmailing.events.account.RequestAccountDeletionCommand;
import com.qmailing.events.account.UsageView;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.Scope;
import com.qmailing.events.requestlog.ListRequestLogQuery;
import com.qmailing.events.requestlog.RequestLogPage;
import com.qmailing.events.token.ApiTokenView;
import com.qmailing.events.token.ListApiTokensQuery;
import com.qmailing.events.token.RevokeApiTokenCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The account's own API: tokens, usage and its request log. Needs a {@code *} token. */
@RestController
@RequestMapping("/api/v1/account")
class AccountController {

    private final Gateways gateways;
    private final TokenIssuer issuer;

    AccountController(Gateways gateways, TokenIssuer issuer) {
        this.gateways = gateways;
        this.issuer = issuer;
    }

    @PostMapping("/tokens")
    @RequiredScope(Scope.ALL)
    ResponseEntity<IssuedTokenResponse> issue(Caller caller, @RequestBody IssueTokenRequest request) {
        return ResponseEntity.status(201)
                .body(issuer.issue(caller.accountId(), request.label(), request.scopes(), request.expiresAt()));
    }

    @GetMapping("/tokens")
    @RequiredScope(Scope.ALL)
    List<TokenResponse> tokens(Caller caller) {
        return gateways.list(new ListApiTokensQuery(caller.accountId()), ApiTokenView.class).stream()
                .map(TokenResponse::of).toList();
    }

    @DeleteMapping("/tokens/{id}")
    @RequiredScope(Scope.ALL)
    ResponseEntity<Void> revoke(Caller caller, @PathVariable String id) {
        ApiTokenId tokenId = Ids.parse(id, ApiTokenId::parse);
        gateways.sendAndSettle(new RevokeApiTokenCommand(tokenId, caller.accountId()), tokenId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/usage")
    @RequiredScope(Scope.ALL)
    UsageResponse usage(Caller caller) {
        return gateways.one(new GetUsageQuery(caller.accountId()), UsageView.class).map(UsageResponse::of)
                .orElseThrow(ApiProblem::notFound);
    }

    /**
     * Soft-deletes the account: from now on its tokens answer 401 (except to {@link #restore}) and its
     * mailboxes refuse mail; at {@code purgeAt} everything it holds is purged.
     */
    @DeleteMapping
    @RequiredScope(Scope.ALL)
    ResponseEntity<AccountDeletionResponse> delete(Caller caller) {
        Instant purgeAt = gateways.sendAndSettle(new RequestAccountDeletionCommand(caller.accountId()),
                caller.accountId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new AccountDeletionResponse(purgeAt));
    }

    /** Cancels a pending deletion; the deleted account's own {@code *} token is accepted here, and only here. */
    @PostMapping("/restore")
    @RequiredScope(Scope.ALL)
    @AllowedWhileDeletionPending
    AccountStatusResponse restore(Caller caller) {
        gateways.sendAndSettle(new CancelAccountDeletionCommand(caller.accountId()), caller.accountId());
        return new AccountStatusResponse(caller.accountId().toString(), AccountStatus.ACTIVE);
    }

    record AccountDeletionResponse(Instant purgeAt) {
    }

    record AccountStatusResponse(String id, AccountStatus status) {
    }

    @GetMapping("/requests")
    @RequiredScope(Scope.ALL)
    ResponseEntity<List<RequestLogEntryResponse>> requests(Caller caller,
                                                           @RequestParam(required = false) Integer offset,
                                                           @RequestParam(required = false) Integer limit) {
        Page page = Page.of(offset, limit);
        RequestLogPage log = gateways.single(new ListRequestLogQuery(caller.accountId(), page.offset(),
                page.limit()), RequestLogPage.class);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(log.total()))
                .body(log.entries().stream().map(RequestLogEntryResponse::of).toList());
    }
}
