package com.qmailing.api.domain;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.core.Gateways;
import com.qmailing.api.core.Ids;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.DomainId;
import com.qmailing.events.domain.CustomDomainView;
import com.qmailing.events.domain.DnsChecklistView;
import com.qmailing.events.domain.GetDnsRecordsQuery;
import com.qmailing.events.domain.ListDomainsQuery;
import org.springframework.stereotype.Service;

import java.util.List;

/** Custom-domain reads of the public API, shared by REST and MCP. */
@Service
public class Domains {

    private final Gateways gateways;

    public Domains(Gateways gateways) {
        this.gateways = gateways;
    }

    public List<CustomDomainResponse> list(Caller caller) {
        return gateways.list(new ListDomainsQuery(caller.accountId()), CustomDomainView.class).stream()
                .map(CustomDomainResponse::of).toList();
    }

    public List<DnsInstructionResponse> dnsRecords(Caller caller, String domainId) {
        DomainId id = Ids.parse(domainId, DomainId::parse);
        return gateways.one(new GetDnsRecordsQuery(caller.accountId(), id), DnsChecklistView.class)
                .orElseThrow(ApiProblem::notFound)
                .records().stream().map(DnsInstructionResponse::of).toList();
    }
}
