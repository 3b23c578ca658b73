package com.qmailing.gateway.outbound;

import com.qmailing.gateway.mime.MimeParser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Locale;
import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {

    /** Transmission threads, and so the most relay connections kept open. */
    static final int WORKERS = 4;

    /** Closed with the context when the transport holds a client (SES). */
    @Bean
    OutboundTransport outboundTransport(OutboundProperties properties) {
        return switch (properties.outbound().trim().toLowerCase(Locale.ROOT)) {
            case "none" -> new NoOutboundTransport();
            case "smtp" -> {
                if (properties.smtpRelay().host().isBlank()) {
                    throw new IllegalStateException("QMAILING_OUTBOUND=smtp needs QMAILING_SMTP_RELAY_HOST");
                }
                yield new SmtpRelayTransport(properties.smtpRelay(), WORKERS);
            }
            case "ses" -> new SesTransport(properties.ses());
            default -> throw new IllegalStateException("QMAILING_OUTBOUND must be none, smtp or ses, not "
                    + properties.outbound());
        };
    }

    /** A few workers: remote servers are slow, and each blocks one for the length of its conversation. */
    @Bean(destroyMethod = "shutdown")
    Transmission transmission(OutboundTransport transport, CommandGateway commands, QueryGateway queries,
                              MimeParser parser) {
        return new Transmission(transport, commands, queries, parser, Executors.newFixedThreadPool(WORKERS));
    }
}
