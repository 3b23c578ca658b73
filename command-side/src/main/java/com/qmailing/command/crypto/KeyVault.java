package com.qmailing.command.crypto;

import com.qmailing.command.config.CommitDurability;
import com.qmailing.command.config.UuidArrays;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * Keys are created in a transaction of their own: a key cached for a command whose transaction
 * later rolled back must still exist, or data encrypted with it later would be lost. An unused key
 * left behind is harmless and goes with its scope's purge.
 * <p>
 * That transaction commits without waiting for the disk ({@link CommitDurability}): whatever is
 * made durable with a key is referenced by an event, and the event's synchronous commit comes
 * later in the write-ahead log, so it flushes the key with it. A crash can only lose a key that
 * nothing durable refers to yet, such as the key of a blob whose event never committed.
 */
public class KeyVault {

    private static final int CACHE_SIZE = 50_000;
    private static final SecretKey SHREDDED = new SecretKeySpec(new byte[32], "AES");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final MasterKey masterKey;
    private final Map<UUID, SecretKey> cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, SecretKey> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    public KeyVault(JdbcTemplate jdbc, PlatformTransactionManager transactions, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The scope's key, created on first use. */
    public SecretKey keyFor(DataSubject subject) {
        SecretKey cached = cache.get(subject.scope());
        if (cached != null && cached != SHREDDED) {
            return cached;
        }
        SecretKey key = ownTransaction.execute(status -> {
            CommitDurability.relaxed(jdbc);
            return loadOrCreate(subject);
        });
        cache.put(subject.scope(), key);
        return key;
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

    private SecretKey loadOrCreate(DataSubject subject) {
        return load(subject.scope()).orElseGet(() -> {
            if (wasShredded(subject)) {
                throw new CryptoException("scope " + subject.scope() + " was shredded: nothing is sealed under it again");
            }
            byte[] wrapped = Aead.encrypt(masterKey.secretKey(), newKey().getEncoded(), Aead.scopeBinding(subject.scope()));
            jdbc.update("insert into data_keys (scope_id, account_id, wrapped_key) values (?, ?, ?) "
                    + "on conflict (scope_id) do nothing", subject.scope(), subject.owner().value(), wrapped);
            // Re-read: a concurrent creator may have won, and its key is the one in use.
            return load(subject.scope()).orElseThrow();
        });
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
                .map(wrapped -> new SecretKeySpec(Aead.decrypt(masterKey.secretKey(), wrapped, Aead.scopeBinding(scope)), "AES"));
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
