package com.qmailing.command.blob;

import com.qmailing.command.crypto.KeyVault;
import com.qmailing.command.crypto.MasterKey;
import com.qmailing.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** A key vault on a fresh PostgreSQL database with the command side's schema, as in production. */
final class TestKeyVaults {

    private TestKeyVaults() {
    }

    static KeyVault fresh() {
        DataSource dataSource = TestDatabase.migrated();
        return new KeyVault(new JdbcTemplate(dataSource),
                MasterKey.fromBase64(MasterKey.generateBase64()));
    }
}
