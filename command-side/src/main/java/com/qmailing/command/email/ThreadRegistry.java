package com.qmailing.command.email;

import com.qmailing.command.config.UuidArrays;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Which conversation a {@code Message-ID} belongs to, per account. Ids are kept only as SHA-256
 * digests: threading needs equality, not the ids themselves.
 */
@Component
class ThreadRegistry {

    private final JdbcTemplate jdbc;

    ThreadRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The thread of the first known message among those this one replies to (nearest first),
     * or of an earlier copy of this very message; otherwise a new thread. The message's own id
     * joins the thread either way.
     */
    UUID threadFor(AccountId account, EmailId email, String messageId, String inReplyTo, List<String> references) {
        List<byte[]> related = new ArrayList<>();
        addDigest(related, messageId);
        addDigest(related, inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) {
            addDigest(related, references.get(i));
        }
        byte[] own = messageId == null || messageId.isBlank() ? null : digest(messageId);
        // One round trip on the receive path: look up every related id (nearest first) and join the thread.
        return jdbc.query("""
                        with related (digest, position) as (select * from unnest(?::bytea[]) with ordinality),
                        found as (select r.thread_id from related d join email_thread_registry r
                                  on r.account_id = ? and r.message_id_digest = d.digest
                                  order by d.position limit 1),
                        chosen as (select coalesce((select thread_id from found), ?) as thread_id),
                        joined as (insert into email_thread_registry (account_id, message_id_digest, thread_id, email_id)
                                   select ?, ?::bytea, thread_id, ? from chosen where ?::bytea is not null
                                   on conflict do nothing)
                        select thread_id from chosen""",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("bytea", related.toArray(new byte[0][])));
                    statement.setObject(2, account.value());
                    statement.setObject(3, UUID.randomUUID());
                    statement.setObject(4, account.value());
                    statement.setBytes(5, own);
                    statement.setObject(6, email.value());
                    statement.setBytes(7, own);
                },
                (rs, row) -> rs.getObject(1, UUID.class)).get(0);
    }

    /** The digest the purged email brought in goes with it; replies to it then start a new thread. */
    void forgetAll(Collection<UUID> emails) {
        UuidArrays.update(jdbc, "delete from email_thread_registry where email_id = any(?)", emails);
    }

    void forgetAllOf(AccountId account) {
        jdbc.update("delete from email_thread_registry where account_id = ?", account.value());
    }

    private static void addDigest(List<byte[]> digests, String messageId) {
        if (messageId != null && !messageId.isBlank()) {
            digests.add(digest(messageId));
        }
    }

    private static byte[] digest(String messageId) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(messageId.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
