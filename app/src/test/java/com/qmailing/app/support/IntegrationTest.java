package com.qmailing.app.support;

import com.qmailing.app.QMailingApplication;
import com.qmailing.testing.TestDatabase;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A full QMailing on a random port against its own fresh PostgreSQL database, bootstrapped with
 * {@link #BOOTSTRAP_TOKEN} and {@link #ADMIN_TOKEN}. Subclasses share one running instance
 * (Spring's context cache), so each test makes its own accounts instead of assuming a clean store.
 */
/* Metrics export is what operators scrape; Spring Boot tests turn it off unless asked. */
@AutoConfigureObservability
@SpringBootTest(classes = QMailingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "qmailing.bootstrap-token=" + IntegrationTest.BOOTSTRAP_TOKEN,
                "qmailing.admin-token=" + IntegrationTest.ADMIN_TOKEN,
                "qmailing.smtp.port=0",
                "qmailing.request-log-flush-interval=PT0.05S"
        })
public abstract class IntegrationTest {

    public static final String BOOTSTRAP_TOKEN = "qm_live_BootstrapTokenForTests0123456789";
    public static final String ADMIN_TOKEN = "admin-token-for-tests";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("qmailing.db.url", TestDatabase::freshDatabaseUrl);
        registry.add("qmailing.data-dir", () -> {
            try {
                return Files.createTempDirectory("qmailing-test").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    protected Api api() {
        return new Api("http://localhost:" + port);
    }

    protected Api.Client operator() {
        return api().as(BOOTSTRAP_TOKEN);
    }

    protected Api.Client admin() {
        return api().as(ADMIN_TOKEN);
    }
}
