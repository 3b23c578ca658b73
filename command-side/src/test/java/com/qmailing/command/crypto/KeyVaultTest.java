package com.qmailing.command.crypto;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Crypto-shredding as the purge relies on it: a shredded scope stays shredded. */
class KeyVaultTest {

    private static JdbcTemplate jdbc;
    private static DataSourceTransactionManager transactions;
    private static KeyVault vault;

    @BeforeAll
    static void database() {
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabase.freshDatabaseUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        vault = new KeyVault(jdbc, transactions, MasterKey.fromBase64(MasterKey.generateBase64()));
    }

    @Test
    void aShreddedScopeReadsAsGoneAndNeverGetsANewKey() {
        AccountId account = AccountId.random();
        DataSubject email = DataSubject.email(EmailId.random(), account);
        FieldCipher cipher = new FieldCipher(vault);
        String sealed = cipher.seal(email, bytes("personal"));

        vault.shred(email.scope());

        assertThat(cipher.open(sealed)).isEmpty();
        assertThatThrownBy(() -> cipher.seal(email, bytes("written after the purge")))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void afterAnAccountIsShreddedNoneOfItsScopesGetsANewKeyEvenOnesThatNeverHadOne() {
        AccountId account = AccountId.random();
        FieldCipher cipher = new FieldCipher(vault);
        String sealed = cipher.seal(DataSubject.mailbox(MailboxId.random(), account), bytes("personal"));

        vault.shredAllOf(account);

        assertThat(cipher.open(sealed)).isEmpty();
        assertThatThrownBy(() -> cipher.seal(DataSubject.email(EmailId.random(), account), bytes("late")))
                .isInstanceOf(CryptoException.class);
        assertThat(jdbc.queryForObject("select count(*) from data_keys where account_id = ?", Long.class,
                account.value())).isZero();
    }

    @Test
    void aShredThatRollsBackLeavesTheKeyReadable() {
        AccountId account = AccountId.random();
        DataSubject mailbox = DataSubject.mailbox(MailboxId.random(), account);
        FieldCipher cipher = new FieldCipher(vault);
        String sealed = cipher.seal(mailbox, bytes("personal"));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            vault.shred(mailbox.scope());
            status.setRollbackOnly();
        });

        assertThat(cipher.open(sealed)).hasValueSatisfying(plain -> assertThat(plain).isEqualTo(bytes("personal")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
