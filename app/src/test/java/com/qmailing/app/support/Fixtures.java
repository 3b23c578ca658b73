package com.qmailing.app.support;

import com.qmailing.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Constants and per-context settings of the full-stack tests. */
public final class Fixtures {

    public static final String BOOTSTRAP_TOKEN = "qm_live_BootstrapTokenForTests0123456789";
    public static final String ADMIN_TOKEN = "admin-token-for-tests";

    private Fixtures() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("qmailing.db.url", TestDatabase::freshDatabaseUrl);
        registry.add("qmailing.data-dir", () -> {
            try {
                return Files.createTempDirectory("qmailing-test").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
