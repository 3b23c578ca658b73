package com.qmailing.command.config;

import com.qmailing.events.common.EmailAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** The domains this instance receives mail for. Custom domains join when they are verified. */
@Component
public class HostedDomains {

    private final String primary;

    public HostedDomains(@Value("${qmailing.domain:qmailing.local}") String primary) {
        this.primary = new EmailAddress("postmaster", primary).domain();
    }

    public String primary() {
        return primary;
    }

    /** Whether mail for this domain is ours to take; everything else would be relaying. */
    public boolean isHosted(String domain) {
        return isPrimary(domain);
    }

    public boolean isPrimary(String domain) {
        return primary.equals(domain.toLowerCase(Locale.ROOT));
    }
}
