package com.qmailing.gateway.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound mail ({@code qmailing.outbound}, {@code qmailing.smtp-relay.*}).
 *
 * @param outbound {@code none} (default), {@code smtp} or {@code ses}
 */
@ConfigurationProperties("qmailing")
public record OutboundProperties(@DefaultValue("none") String outbound, @DefaultValue Relay smtpRelay,
                                 @DefaultValue Ses ses) {

    /**
     * {@code QMAILING_SES_REGION}, {@code QMAILING_SES_ENDPOINT} (for emulators); credentials from
     * {@code QMAILING_SES_ACCESS_KEY}/{@code _SECRET_KEY} or else the AWS default chain.
     */
    public record Ses(@DefaultValue("us-east-1") String region, @DefaultValue("") String endpoint,
                      @DefaultValue("") String accessKey, @DefaultValue("") String secretKey) {

        @Override
        public String toString() {
            return "Ses[" + region + ", endpoint=" + (endpoint.isBlank() ? "AWS" : endpoint) + "]";
        }
    }

    /** {@code QMAILING_SMTP_RELAY_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}, {@code _STARTTLS}. */
    public record Relay(@DefaultValue("") String host, @DefaultValue("587") int port, @DefaultValue("") String user,
                        @DefaultValue("") String password, @DefaultValue("true") boolean starttls) {

        @Override
        public String toString() {
            return "Relay[" + host + ":" + port + ", user=" + (user.isBlank() ? "none" : user) + ", starttls="
                    + starttls + "]";
        }
    }
}
