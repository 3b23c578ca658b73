package com.qmailing.gateway.smtp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The inbound SMTP listener ({@code qmailing.smtp.*}).
 *
 * @param port              {@code QMAILING_SMTP_PORT}; 0 turns the listener off
 * @param bindAddress       the interface to listen on; empty for all
 * @param hostname          the name in the greeting; empty for the primary mail domain
 * @param maxRecipients     per transaction; more are answered {@code 452}
 * @param maxConnections    concurrent sessions
 * @param connectionTimeout idle time before a session is dropped
 * @param tls               the certificate that enables {@code STARTTLS}
 */
@ConfigurationProperties("qmailing.smtp")
public record SmtpProperties(@DefaultValue("2525") int port,
                             @DefaultValue("") String bindAddress,
                             @DefaultValue("") String hostname,
                             @DefaultValue("100") int maxRecipients,
                             @DefaultValue("200") int maxConnections,
                             @DefaultValue("PT60S") Duration connectionTimeout,
                             @DefaultValue Tls tls) {

    /**
     * A PKCS#12 key store with the listener's certificate; with no key store STARTTLS is not offered.
     *
     * @param keyStore         path of the PKCS#12 file ({@code QMAILING_SMTP_TLS_KEY_STORE})
     * @param keyStorePassword its password ({@code QMAILING_SMTP_TLS_KEY_STORE_PASSWORD})
     */
    public record Tls(@DefaultValue("") String keyStore, @DefaultValue("") String keyStorePassword) {

        boolean enabled() {
            return !keyStore.isBlank();
        }
    }
}
