package com.qmailing.command.crypto;

import com.qmailing.command.config.CommitDurability;
import com.qmailing.command.config.UuidArrays;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One AES-256 data key per scope (account, mailbox, email), stored wrapped by the
 * {@link MasterKey}. Shredding a scope deletes its key, which makes every ciphertext made with it
 * unreadable wherever it was copied.
 * <p>
 * A new key is written by one statement. Inside a transaction it joins that transaction and is
 * cached only once it commits: what is sealed with it in the transaction goes with it if it rolls
 * back, and nothing outside can use a key that may still vanish. Outside a transaction the
 * statement commits on its own without waiting for the disk ({@link CommitDurability}): whatever
 * is made durable with the key is referenced by an event, and the event's synchronous commit comes
 * later in the write-ahead log, so it flushes the key with it. A crash can only lose a key that
 * nothing durable refers to yet, such as the key of a blob whose event never committed.
 */
public class KeyVault {

    private static final int CACHE_SIZE = 50_000;
    private static final SecretKey SHREDDED = new SecretKeySpec(new byte[32], "AES");
    /**
     * Returns the scope's key: the one stored, else the one given, inserted unless the scope or its
     * owner was shredded. No row: shredded, or a concurrent creator won after this statement began.
     */
    private static final String LOAD_OR_INSERT = "with existing as (select wrapped_key from data_keys where scope_id = ?), "
            + "created as (insert into data_keys (scope_id, account_id, wrapped_key) select ?, ?, ? %s"
            + "where not exists (select 1 from existing) "
            + "and not exists (select 1 from shredded_scopes where scope_id in (?, ?)) "
            + "on conflict (scope_id) do nothing returning wrapped_key) "
            + "select wrapped_key from existing union all select wrapped_key from created";
    private static final String IN_TRANSACTION = LOAD_OR_INSERT.formatted("");
    /** The statement is its own transaction, and set_config(…, true) applies to just that one. */
    private static final String ON_ITS_OWN = LOAD_OR_INSERT.formatted(
            "from (select set_config('synchronous_commit', 'off', true)) relaxed ");

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;
    private final Map<UUID, SecretKey> cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, SecretKey> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    public KeyVault(JdbcTemplate jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /** The scope's key, created on first use (see the class comment for which transaction). */
    public SecretKey keyFor(DataSubject subject) {
        UUID scope = subject.scope();
        SecretKey cached = cache.get(scope);
        if (cached != null && cached != SHREDDED) {
            return cached;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            SecretKey key = loadOrCreate(subject, ON_ITS_OWN);
            cache.put(scope, key);
            return key;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // Nothing would tell us that the transaction committed: used by it, never cached.
            return loadOrCreate(subject, IN_TRANSACTION);
        }
        KeysOfTransaction keys = keysOfTransaction();
        return keys.created.computeIfAbsent(scope, unused -> loadOrCreate(subject, IN_TRANSACTION));
    }

    /** The scope's key, or empty once it was shredded (or never existed). */
    public Optional<SecretKey> find(UUID scope) {
        SecretKey cached = cache.get(scope);
        if (cached == null) {
            cached = load(scope).orElse(SHREDDED);
            cache.put(scope, cached);
        }
        return cached == SHREDDED ? Optional.empty() : Optional.of(cached);
    }

    /**
     * Deletes the scope's key for good; runs in the caller's transaction. The scope is remembered as
     * shredded, so {@link #keyFor} never gives it a new key: data written after a purge (a late
     * delivery report, a retry) could otherwise be read again.
     */
    public void shred(UUID scope) {
        shredAll(List.of(scope));
    }

    /** {@link #shred} for many scopes at once, in a few set-based statements. */
    public void shredAll(Collection<UUID> scopes) {
        UuidArrays.update(jdbc, "delete from data_keys where scope_id = any(?)", scopes);
        UuidArrays.update(jdbc, "insert into shredded_scopes (scope_id) select unnest(?) on conflict do nothing", scopes);
        forgetOnCommit(List.copyOf(scopes));
    }

    /** Deletes every key the account owns, its own and those of its mailboxes and emails, as {@link #shred} does. */
    public int shredAllOf(AccountId account) {
        List<UUID> scopes = new ArrayList<>(jdbc.queryForList(
                "delete from data_keys where account_id = ? returning scope_id", UUID.class, account.value()));
        remember(account.value());
        scopes.add(account.value());
        forgetOnCommit(scopes);
        return scopes.size() - 1;
    }

    private void remember(UUID shredded) {
        jdbc.update("insert into shredded_scopes (scope_id) values (?) on conflict do nothing", shredded);
    }

    /**
     * Cached keys go now, so nothing loads them from the cache again; they are marked shredded only
     * once the deletion commits, so a rolled-back purge leaves every key readable.
     */
    private void forgetOnCommit(List<UUID> scopes) {
        scopes.forEach(cache::remove);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            scopes.forEach(scope -> cache.put(scope, SHREDDED));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scopes.forEach(scope -> cache.put(scope, SHREDDED));
            }
        });
    }

    private SecretKey loadOrCreate(DataSubject subject, String statement) {
        UUID scope = subject.scope();
        SecretKey fresh = newKey();
        byte[] wrapped = Aead.encrypt(masterKey.secretKey(), fresh.getEncoded(), Aead.scopeBinding(scope));
        List<byte[]> stored = jdbc.query(statement, (rs, row) -> rs.getBytes(1), scope, scope,
                subject.owner().value(), wrapped, scope, subject.owner().value());
        if (!stored.isEmpty()) {
            return Arrays.equals(stored.get(0), wrapped) ? fresh : unwrap(scope, stored.get(0));
        }
        if (wasShredded(subject)) {
            throw new CryptoException("scope " + scope + " was shredded: nothing is sealed under it again");
        }
        // A concurrent creator committed its key after the statement began: that key is the one in use.
        return load(scope).orElseThrow(() -> new CryptoException("scope " + scope + " has no key and got none"));
    }

    /** The keys this transaction created, cached for everyone once (and only if) it commits. */
    private KeysOfTransaction keysOfTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof KeysOfTransaction keys && keys.vault == this) {
                return keys;
            }
        }
        KeysOfTransaction keys = new KeysOfTransaction(this);
        TransactionSynchronizationManager.registerSynchronization(keys);
        return keys;
    }

    /**
     * Found among the current transaction's synchronizations rather than bound as a resource: a
     * transaction started with REQUIRES_NEW suspends these, so it cannot use a key of the
     * transaction it interrupted, which might still roll back.
     */
    private static final class KeysOfTransaction implements TransactionSynchronization {

        private final KeyVault vault;
        private final Map<UUID, SecretKey> created = new HashMap<>();

        private KeysOfTransaction(KeyVault vault) {
            this.vault = vault;
        }

        @Override
        public void afterCommit() {
            vault.cache.putAll(created);
        }
    }

    private boolean wasShredded(DataSubject subject) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from shredded_scopes where scope_id in (?, ?))", Boolean.class,
                subject.scope(), subject.owner().value()));
    }

    private Optional<SecretKey> load(UUID scope) {
        return jdbc.query("select wrapped_key from data_keys where scope_id = ?",
                        (rs, row) -> rs.getBytes(1), scope)
                .stream().findFirst()
                .map(wrapped -> unwrap(scope, wrapped));
    }

    private SecretKey unwrap(UUID scope, byte[] wrapped) {
        return new SecretKeySpec(Aead.decrypt(masterKey.secretKey(), wrapped, Aead.scopeBinding(scope)), "AES");
    }


    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }
}
