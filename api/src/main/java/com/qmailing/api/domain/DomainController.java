package com.qmailing.api.domain;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.RequiredScope;
import com.qmailing.events.common.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/pub/domains")
class DomainController {

    private final Domains domains;

    DomainController(Domains domains) {
        this.domains = domains;
    }

    @GetMapping
    @RequiredScope(Scope.DOMAINS_READ)
    List<CustomDomainResponse> list(Caller caller) {
        return domains.list(caller);
    }

    @GetMapping("/{domainId}/dns-records")
    @RequiredScope(Scope.DOMAINS_READ)
    List<DnsInstructionResponse> dnsRecords(Caller caller, @PathVariable String domainId) {
        return domains.dnsRecords(caller, domainId);
    }
}
