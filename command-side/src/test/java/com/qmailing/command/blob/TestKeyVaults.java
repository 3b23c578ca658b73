package com.qmailing.command.blob;

import com.qmailing.command.crypto.KeyVault;
import com.qmailing.command.crypto.MasterKey;
import com.qmailing.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;

/** A key vault on a fresh PostgreSQL database with the command side's schema, as in production. */
final class TestKeyVaults {

    private TestKeyVaults() {
    }

    static KeyVault fresh() {
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabase.freshDatabaseUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new KeyVault(new JdbcTemplate(dataSource),
                MasterKey.fromBase64(MasterKey.generateBase64()));
    }
}
