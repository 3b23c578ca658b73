package com.qmailing.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * PostgreSQL everywhere: the one named by {@code QMAILING_DB_URL}, or else an embedded server
 * whose data lives under {@code QMAILING_DATA_DIR/postgres} (binaries come from Maven Central, so
 * a machine with only a JDK can run the service).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(@Value("${qmailing.db.url:}") String url,
                                       @Value("${qmailing.db.user:}") String user,
                                       @Value("${qmailing.db.password:}") String password,
                                       @Value("${qmailing.db.pool-size:20}") int poolSize,
                                       @Value("${qmailing.data-dir:./data}") Path dataDir,
                                       @Value("${qmailing.db.embedded-port:0}") int embeddedPort) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("qmailing");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        if (url.isBlank()) {
            EmbeddedPostgres embedded = startEmbedded(dataDir.resolve("postgres"), embeddedPort);
            config.setJdbcUrl(embedded.getJdbcUrl("postgres", "postgres"));
            return new EmbeddedDataSource(config, embedded);
        }
        config.setJdbcUrl(url);
        if (!user.isBlank()) {
            config.setUsername(user);
        }
        if (!password.isBlank()) {
            config.setPassword(password);
        }
        return new HikariDataSource(config);
    }

    private static EmbeddedPostgres startEmbedded(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            log.info("Starting embedded PostgreSQL in {}", directory.toAbsolutePath());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The library is made for tests: it starts PostgreSQL with -F (no fsync) and
                    // synchronous_commit=off, so a crash of the machine would lose committed mail.
                    // A 201 or a 250 promises durability; the server must keep it.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, e);
        }
    }

    /** Closing the pool also stops the embedded server, after the last connection is gone. */
    static final class EmbeddedDataSource extends HikariDataSource {

        private final transient EmbeddedPostgres server;

        EmbeddedDataSource(HikariConfig config, EmbeddedPostgres server) {
            super(config);
            this.server = server;
        }

        @Override
        public void close() {
            super.close();
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
            }
        }
    }

}
