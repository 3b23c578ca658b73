package com.qmailing.app.support;

import com.qmailing.app.QMailingApplication;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.qmailing.gateway.smtp.SmtpListener;
import com.qmailing.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

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
                "qmailing.request-log-flush-interval=PT0.05S",
                // Several contexts may be cached at once; together they must fit PostgreSQL's 100 connections.
                "qmailing.db.pool-size=12",
                "qmailing.outbound=smtp",
                "qmailing.smtp-relay.starttls=false",
                // PLUS sends at most 3 a day here, so the daily limit is cheap to reach.
                "qmailing.plans.PLUS.public-api=true",
                "qmailing.plans.PLUS.mailboxes=10",
                "qmailing.plans.PLUS.storage-bytes=1073741824",
                "qmailing.plans.PLUS.daily-sends=3",
                "qmailing.plans.PLUS.custom-domains=1",
                "qmailing.plans.PLUS.webhook-endpoints=3",
                "qmailing.plans.PLUS.requests-per-minute=600",
                // PRO_PLUS stores 16 kB here, so the storage quota is cheap to reach over SMTP.
                "qmailing.plans.PRO_PLUS.storage-bytes=16384"
        })
public abstract class IntegrationTest {

    public static final String BOOTSTRAP_TOKEN = "qm_live_BootstrapTokenForTests0123456789";
    public static final String ADMIN_TOKEN = "admin-token-for-tests";

    @LocalServerPort
    protected int port;

    @Autowired
    private SmtpListener smtp;

    /** The outbound SMTP relay every test context sends remote mail through: a real SMTP peer. */
    protected static final GreenMail RELAY = startRelay();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("qmailing.smtp.tls.key-store", () -> TestCertificate.KEY_STORE.toString());
        registry.add("qmailing.smtp.tls.key-store-password", () -> TestCertificate.PASSWORD);
        registry.add("qmailing.smtp-relay.host", () -> "127.0.0.1");
        registry.add("qmailing.smtp-relay.port", () -> RELAY.getSmtp().getPort());
        registry.add("qmailing.smtp.port", IntegrationTest::freePort);
        registry.add("qmailing.db.url", TestDatabase::freshDatabaseUrl);
        // Created once per context: a supplier that made a new folder on every read would give
        // each reader of the property (blob store, master key, tests) a different folder.
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("qmailing-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("qmailing.data-dir", dataDir::toString);
    }

    /** An SMTP session with the running listener, greeted with EHLO. */
    protected SmtpClient smtp() {
        SmtpClient client = new SmtpClient(smtp.port());
        client.ehlo();
        return client;
    }

    protected int smtpPort() {
        return smtp.port();
    }

    /**
     * On a port of its own rather than a dynamic one, so a test can stop the relay (a temporary
     * failure for deliveries) and start it again where the running contexts expect it.
     */
    private static GreenMail startRelay() {
        GreenMail relay = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        return relay;
    }

    /** SMTP port 0 means "off" by contract, so tests pick a free port themselves. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
