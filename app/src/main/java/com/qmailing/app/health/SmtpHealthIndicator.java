package com.qmailing.app.health;

import com.qmailing.gateway.smtp.SmtpListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP when the SMTP port is open (or SMTP is switched off with port 0): a node that cannot take
 * mail must not be sent traffic.
 */
@Component("smtp")
class SmtpHealthIndicator implements HealthIndicator {

    private final ObjectProvider<SmtpListener> listener;

    SmtpHealthIndicator(ObjectProvider<SmtpListener> listener) {
        this.listener = listener;
    }

    @Override
    public Health health() {
        SmtpListener smtp = listener.getIfAvailable();
        if (smtp == null) {
            return Health.up().withDetail("listener", "off").build();
        }
        return (smtp.isListening() ? Health.up().withDetail("port", smtp.port()) : Health.down())
                .build();
    }
}
