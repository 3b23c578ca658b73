package com.qmailing.api.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.api.core.Gateways;
import com.qmailing.api.core.Ids;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.account.AccountView;
import com.qmailing.events.account.GetAccountQuery;
import com.qmailing.events.audit.AccountEventView;
import com.qmailing.events.audit.ListAccountEventsQuery;
import com.qmailing.events.common.AccountId;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Audit replay (promise P18's audit trail): an account's whole event history, decrypted, in the order
 * it was stored, as NDJSON. Streamed page by page, so a long history never sits in memory. A purged
 * account's history still replays, its personal fields null.
 */
@RestController
@RequestMapping("/api/v1/admin/accounts")
class AdminAuditController {

    static final String NDJSON = "application/x-ndjson";
    private static final int PAGE = 500;

    private final Gateways gateways;
    private final ObjectMapper json;

    AdminAuditController(Gateways gateways, ObjectMapper json) {
        this.gateways = gateways;
        this.json = json;
    }

    /** @param until an ISO-8601 instant: only what was stored at or before it */
    @GetMapping("/{id}/events")
    void events(@PathVariable String id, @RequestParam(required = false) String until, HttpServletResponse response)
            throws IOException {
        AccountId account = Ids.parse(id, AccountId::parse);
        Instant cutoff = instant(until);
        List<AccountEventView> page = page(account, 0, cutoff);
        if (page.isEmpty() && gateways.one(new GetAccountQuery(account), AccountView.class).isEmpty()) {
            throw ApiProblem.notFound();
        }
        response.setContentType(NDJSON);
        OutputStream out = response.getOutputStream();
        while (!page.isEmpty()) {
            for (AccountEventView event : page) {
                EventLines.write(json, event, out);
            }
            out.flush();
            page = page.size() < PAGE ? List.of() : page(account, page.get(page.size() - 1).globalIndex(), cutoff);
        }
    }

    private List<AccountEventView> page(AccountId account, long after, Instant until) {
        return gateways.list(new ListAccountEventsQuery(account, after, until, PAGE), AccountEventView.class);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("until", "an ISO-8601 timestamp such as 2026-11-23T18:30:00Z");
        }
    }
}
