package com.qmailing.command.crypto;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
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
    private static MasterKey masterKey;

    @BeforeAll
    static void database() {
        DataSource dataSource = TestDatabase.migrated();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        masterKey = MasterKey.fromBase64(MasterKey.generateBase64());
        vault = new KeyVault(jdbc, masterKey);
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

    @Test
    void aKeyCreatedInATransactionThatRollsBackIsNeitherStoredNorUsedAgain() {
        AccountId account = AccountId.random();
        DataSubject mailbox = DataSubject.mailbox(MailboxId.random(), account);
        FieldCipher cipher = new FieldCipher(vault);
        String[] sealedInside = new String[1];

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            sealedInside[0] = cipher.seal(mailbox, bytes("rolled back"));
            status.setRollbackOnly();
        });

        assertThat(keysOf(account)).isZero();
        assertThat(cipher.open(sealedInside[0])).isEmpty();
        String sealedAfter = cipher.seal(mailbox, bytes("personal"));
        assertThat(keysOf(account)).isOne();
        assertThat(cipher.open(sealedAfter)).hasValueSatisfying(plain -> assertThat(plain).isEqualTo(bytes("personal")));
    }

    @Test
    void aTransactionUsesOneKeyPerScopeAndItIsReadableOnceCommitted() {
        AccountId account = AccountId.random();
        DataSubject mailbox = DataSubject.mailbox(MailboxId.random(), account);
        FieldCipher cipher = new FieldCipher(vault);

        String[] sealed = new TransactionTemplate(transactions).execute(status ->
                new String[] {cipher.seal(mailbox, bytes("one")), cipher.seal(mailbox, bytes("two"))});

        assertThat(keysOf(account)).isOne();
        assertThat(cipher.open(sealed[0])).hasValueSatisfying(plain -> assertThat(plain).isEqualTo(bytes("one")));
        assertThat(cipher.open(sealed[1])).hasValueSatisfying(plain -> assertThat(plain).isEqualTo(bytes("two")));
    }

    @Test
    void aKeyStoredByAnotherVaultIsTheOneUsed() {
        AccountId account = AccountId.random();
        DataSubject mailbox = DataSubject.mailbox(MailboxId.random(), account);
        KeyVault otherNode = new KeyVault(jdbc, masterKey);
        String sealedElsewhere = new FieldCipher(otherNode).seal(mailbox, bytes("elsewhere"));

        String sealedHere = new FieldCipher(vault).seal(mailbox, bytes("here"));

        assertThat(keysOf(account)).isOne();
        assertThat(new FieldCipher(otherNode).open(sealedHere)).isPresent();
        assertThat(new FieldCipher(vault).open(sealedElsewhere)).isPresent();
    }

    private static long keysOf(AccountId account) {
        return jdbc.queryForObject("select count(*) from data_keys where account_id = ?", Long.class, account.value());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
