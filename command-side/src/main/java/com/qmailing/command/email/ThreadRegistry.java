package com.qmailing.command.email;

import com.qmailing.command.config.UuidArrays;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        byte[] own = messageId == null || messageId.isBlank() ? null : digest(messageId);
        List<byte[]> replyTo = new ArrayList<>();
        addDigest(replyTo, inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) {
            addDigest(replyTo, references.get(i));
        }
        if (own != null && replyTo.isEmpty()) {
            // A message that replies to nothing, most of them: one round trip unless its id is known already.
            UUID fresh = UUID.randomUUID();
            return join(account, email, own, fresh) ? fresh : known(account, List.of(own)).orElse(fresh);
        }
        List<byte[]> related = new ArrayList<>();
        if (own != null) {
            related.add(own);
        }
        related.addAll(replyTo);
        UUID thread = known(account, related).orElseGet(UUID::randomUUID);
        if (own != null) {
            join(account, email, own, thread);
        }
        return thread;
    }

    /** The digest the purged email brought in goes with it; replies to it then start a new thread. */
    void forgetAll(Collection<UUID> emails) {
        UuidArrays.update(jdbc, "delete from email_thread_registry where email_id = any(?)", emails);
    }

    void forgetAllOf(AccountId account) {
        jdbc.update("delete from email_thread_registry where account_id = ?", account.value());
    }

    /** @return whether the id was new to the account, and now belongs to {@code thread} */
    private boolean join(AccountId account, EmailId email, byte[] digest, UUID thread) {
        return jdbc.update("insert into email_thread_registry (account_id, message_id_digest, thread_id, email_id) "
                + "values (?, ?, ?, ?) on conflict do nothing", account.value(), digest, thread, email.value()) == 1;
    }

    /** The thread of the first of {@code digests} (nearest first) that the account knows, in one query. */
    private Optional<UUID> known(AccountId account, List<byte[]> digests) {
        if (digests.isEmpty()) {
            return Optional.empty();
        }
        Map<ByteBuffer, UUID> found = new HashMap<>();
        jdbc.query("select message_id_digest, thread_id from email_thread_registry "
                        + "where account_id = ? and message_id_digest = any(?)",
                statement -> {
                    statement.setObject(1, account.value());
                    statement.setArray(2, statement.getConnection().createArrayOf("bytea", digests.toArray(new byte[0][])));
                },
                (RowCallbackHandler) rs -> found.put(ByteBuffer.wrap(rs.getBytes(1)), rs.getObject(2, UUID.class)));
        return digests.stream().map(digest -> found.get(ByteBuffer.wrap(digest))).filter(Objects::nonNull).findFirst();
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
