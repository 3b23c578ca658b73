package com.qmailing.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL is the default store of a self-hosted instance, not a test fixture: it
 * must flush commits to disk, or a 201 or a 250 would not survive a power cut.
 */
class EmbeddedDatabaseDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void embeddedServerShouldFlushEveryCommitToDisk() {
        try (HikariDataSource dataSource = new DatabaseConfiguration().dataSource("", "", "", 2, dataDir, 0)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        }
    }
}
