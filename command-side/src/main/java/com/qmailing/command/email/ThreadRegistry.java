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
        List<String> related = new ArrayList<>();
        related.add(messageId);
        related.add(inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) {
            related.add(references.get(i));
        }
        UUID thread = related.stream()
                .map(id -> known(account, id))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(UUID::randomUUID);
        if (messageId != null && !messageId.isBlank()) {
            jdbc.update("insert into email_thread_registry (account_id, message_id_digest, thread_id, email_id) "
                    + "values (?, ?, ?, ?) on conflict do nothing", account.value(), digest(messageId), thread,
                    email.value());
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

    private Optional<UUID> known(AccountId account, String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return Optional.empty();
        }
        return jdbc.queryForList("select thread_id from email_thread_registry where account_id = ? "
                        + "and message_id_digest = ?", UUID.class, account.value(), digest(messageId))
                .stream().findFirst();
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
