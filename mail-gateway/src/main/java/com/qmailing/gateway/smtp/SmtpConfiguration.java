package com.qmailing.gateway.smtp;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmtpProperties.class)
@ConditionalOnExpression("${qmailing.smtp.port:2525} > 0")
class SmtpConfiguration {

    @Bean
    SmtpListener smtpListener(SmtpProperties properties, Ingest ingest,
                              @Value("${qmailing.domain:qmailing.local}") String domain,
                              @Value("${qmailing.max-message-bytes:26214400}") int maxMessageBytes) {
        String hostname = properties.hostname().isBlank() ? domain : properties.hostname();
        return new SmtpListener(properties, hostname, maxMessageBytes, ingest);
    }

    @Bean
    SmtpLifecycle smtpLifecycle(SmtpListener listener) {
        return new SmtpLifecycle(listener);
    }

    /** Opens the port once the whole application is ready, closes it first on shutdown. */
    static final class SmtpLifecycle {

        private final SmtpListener listener;

        SmtpLifecycle(SmtpListener listener) {
            this.listener = listener;
        }

        @EventListener(ApplicationReadyEvent.class)
        void open() {
            listener.start();
        }

        @EventListener(ContextClosedEvent.class)
        void close() {
            listener.stop();
        }
    }
}
