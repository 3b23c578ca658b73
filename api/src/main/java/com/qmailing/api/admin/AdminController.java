package com.qmailing.api.admin;

import com.qmailing.api.account.UsageResponse;
import com.qmailing.api.auth.IssuedTokenResponse;
import com.qmailing.api.auth.TokenIssuer;
import com.qmailing.api.core.Gateways;
import com.qmailing.api.core.Ids;
import com.qmailing.api.core.Page;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.account.AccountStatus;
import com.qmailing.events.account.AccountUsageView;
import com.qmailing.events.account.AccountView;
import com.qmailing.events.account.CancelAccountDeletionCommand;
import com.qmailing.events.account.ChangeAccountPlanCommand;
import com.qmailing.events.account.CreateAccountCommand;
import com.qmailing.events.account.GetAccountQuery;
import com.qmailing.events.account.ListAccountsQuery;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.Plan;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The operator's API, behind {@code QMAILING_ADMIN_TOKEN}. */
@RestController
@RequestMapping("/api/v1/admin/accounts")
class AdminController {

    private final Gateways gateways;
    private final TokenIssuer issuer;

    AdminController(Gateways gateways, TokenIssuer issuer) {
        this.gateways = gateways;
        this.issuer = issuer;
    }

    record CreateAccountRequest(String email, String name, Plan plan) {
    }

    record AccountResponse(String id, String email, String name, Plan plan, AccountStatus status, Instant createdAt) {

        static AccountResponse of(AccountView view) {
            return new AccountResponse(view.id().toString(), view.email(), view.name(), view.plan(), view.status(),
                    view.createdAt());
        }
    }

    record AccountWithUsageResponse(String id, String email, String name, Plan plan, Instant createdAt,
                                    UsageResponse usage) {
    }

    record ChangePlanRequest(Plan plan) {
    }

    record IssueAccountTokenRequest(String label, List<String> scopes, Instant expiresAt) {
    }

    @PostMapping
    ResponseEntity<AccountResponse> create(@RequestBody CreateAccountRequest request) {
        if (request.email() == null) {
            throw ApiProblem.invalid("email", "must not be null");
        }
        EmailAddress email;
        try {
            email = EmailAddress.parse(request.email());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("email", "not a valid email address");
        }
        AccountId id = AccountId.random();
        gateways.sendAndSettle(new CreateAccountCommand(id, email, request.name(),
                request.plan() == null ? Plan.FREE : request.plan()), id);
        AccountResponse created = AccountResponse.of(account(id));
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + id)).body(created);
    }

    @GetMapping
    ResponseEntity<List<AccountWithUsageResponse>> list(@RequestParam(required = false) Integer offset,
                                                        @RequestParam(required = false) Integer limit) {
        Page page = Page.of(offset, limit);
        return ResponseEntity.ok(gateways.list(new ListAccountsQuery(page.offset(), page.limit()),
                        AccountUsageView.class).stream()
                .map(row -> new AccountWithUsageResponse(row.account().id().toString(), row.account().email(),
                        row.account().name(), row.account().plan(), row.account().createdAt(),
                        UsageResponse.of(row.usage())))
                .toList());
    }

    @GetMapping("/{id}")
    AccountResponse get(@PathVariable String id) {
        return AccountResponse.of(account(Ids.parse(id, AccountId::parse)));
    }

    @PutMapping("/{id}/plan")
    AccountResponse changePlan(@PathVariable String id, @RequestBody ChangePlanRequest request) {
        AccountId account = Ids.parse(id, AccountId::parse);
        if (request.plan() == null) {
            throw ApiProblem.invalid("plan", "must not be null");
        }
        account(account);
        gateways.sendAndSettle(new ChangeAccountPlanCommand(account, request.plan()), account);
        return AccountResponse.of(account(account));
    }

    @PostMapping("/{id}/tokens")
    ResponseEntity<IssuedTokenResponse> issueToken(@PathVariable String id,
                                                   @RequestBody IssueAccountTokenRequest request) {
        AccountId account = Ids.parse(id, AccountId::parse);
        account(account);
        return ResponseEntity.status(201)
                .body(issuer.issue(account, request.label(), request.scopes(), request.expiresAt()));
    }

    /** The operator's way to cancel an account's pending deletion, for an owner who has lost every token. */
    @PostMapping("/{id}/restore")
    AccountResponse restore(@PathVariable String id) {
        AccountId account = Ids.parse(id, AccountId::parse);
        account(account);
        gateways.sendAndSettle(new CancelAccountDeletionCommand(account), account);
        return AccountResponse.of(account(account));
    }

    private AccountView account(AccountId id) {
        return gateways.one(new GetAccountQuery(id), AccountView.class).orElseThrow(ApiProblem::notFound);
    }
}
