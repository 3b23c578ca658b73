package com.qmailing.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: the server named by {@code QMAILING_TEST_DB_URL} when set (CI points
 * it at the machine's PostgreSQL), else one embedded server per JVM. Every call makes a fresh,
 * empty database, so test contexts never see each other's rows; they are dropped when the JVM ends.
 */
public final class TestDatabase {

    public static final String ENV = "QMAILING_TEST_DB_URL";

    private static String adminUrl;
    private static EmbeddedPostgres embedded;
    private static final List<String> created = new ArrayList<>();

    private TestDatabase() {
    }

    /** @return a JDBC URL (with credentials as parameters) of a new empty database */
    public static synchronized String freshDatabaseUrl() {
        String admin = adminUrl();
        String name = "qm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(admin);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + redact(admin), e);
        }
        created.add(name);
        return withDatabase(admin, name);
    }

    /**
     * A new database with the test's module's schema: the migrations under
     * {@code classpath:db/migration}, as the application applies them.
     */
    public static DataSource migrated() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(freshDatabaseUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /** Whether the tests run against an external server rather than an embedded one. */
    public static boolean external() {
        String url = System.getenv(ENV);
        return url != null && !url.isBlank();
    }

    private static String adminUrl() {
        if (adminUrl != null) {
            return adminUrl;
        }
        if (external()) {
            adminUrl = System.getenv(ENV);
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll, "test-database-cleanup"));
        return adminUrl;
    }

    private static synchronized void dropAll() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is ending; the embedded server's directory is temporary
            }
            return;
        }
        try (Connection connection = DriverManager.getConnection(adminUrl);
             Statement statement = connection.createStatement()) {
            for (String name : created) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException ignored) {
            // best effort: a leftover test database on a CI server is harmless
        }
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    private static String redact(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }
}
