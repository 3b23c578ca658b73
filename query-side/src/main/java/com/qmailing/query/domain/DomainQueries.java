package com.qmailing.query.domain;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DomainId;
import com.qmailing.events.domain.CustomDomainView;
import com.qmailing.events.domain.DnsChecklistView;
import com.qmailing.events.domain.DnsInstructionView;
import com.qmailing.events.domain.DnsInstructionView.DnsRecordStatus;
import com.qmailing.events.domain.DnsInstructionView.DnsRecordType;
import com.qmailing.events.domain.GetDnsRecordsQuery;
import com.qmailing.events.domain.ListDomainsQuery;
import com.qmailing.events.domain.SesVerificationStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static com.qmailing.query.support.Rows.instant;
import static com.qmailing.query.support.Rows.uuid;

/**
 * Custom domains and their DNS checklists. The read model exists ahead of the domain feature so
 * the public API answers with its real shapes; until domains can be claimed, lists are empty.
 */
@Component
class DomainQueries {

    private final JdbcTemplate jdbc;

    DomainQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<CustomDomainView> handle(ListDomainsQuery query) {
        return jdbc.query("select * from custom_domain_view where account_id = ? order by created_at, domain_id",
                (rs, row) -> new CustomDomainView(new DomainId(uuid(rs, "domain_id")),
                        new AccountId(uuid(rs, "account_id")), rs.getString("domain"),
                        rs.getBoolean("fully_verified"), rs.getBoolean("mx_verified"), rs.getBoolean("spf_verified"),
                        rs.getBoolean("dkim_verified"), rs.getBoolean("dmarc_verified"),
                        SesVerificationStatus.valueOf(rs.getString("ses_verification_status")),
                        instant(rs, "claimed_at"), instant(rs, "created_at")),
                query.accountId().value());
    }

    @QueryHandler
    Optional<DnsChecklistView> handle(GetDnsRecordsQuery query) {
        Long owned = jdbc.queryForObject("select count(*) from custom_domain_view where domain_id = ? "
                + "and account_id = ?", Long.class, query.domainId().value(), query.accountId().value());
        if (owned == null || owned == 0) {
            return Optional.empty();
        }
        List<DnsInstructionView> records = jdbc.query(
                "select * from dns_instruction_view where domain_id = ? order by position",
                (rs, row) -> new DnsInstructionView(DnsRecordType.valueOf(rs.getString("type")), rs.getString("host"),
                        rs.getString("value"), (Integer) rs.getObject("priority"),
                        DnsRecordStatus.valueOf(rs.getString("status")), rs.getString("description"),
                        instant(rs, "last_checked_at")),
                query.domainId().value());
        return Optional.of(new DnsChecklistView(query.domainId(), records));
    }
}
