package com.qmailing.command.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which conversation a received message joins, on a real PostgreSQL (one statement per message). */
class ThreadRegistryTest {

    private static JdbcTemplate jdbc;
    private static ThreadRegistry threads;
    private final AccountId account = AccountId.random();

    @BeforeAll
    static void database() {
        DataSource dataSource = TestDatabase.migrated();
        jdbc = new JdbcTemplate(dataSource);
        threads = new ThreadRegistry(jdbc);
    }

    @Test
    void aNewMessageShouldStartAThreadAndAReplyShouldJoinIt() {
        UUID first = receive("<a@example.org>", null);
        UUID other = receive("<b@example.org>", null);
        UUID reply = receive("<c@example.org>", "<A@example.org> ");

        assertThat(first).isNotEqualTo(other);
        assertThat(reply).isEqualTo(first);
        assertThat(receive("<d@example.org>", "<c@example.org>")).isEqualTo(first);
    }

    @Test
    void theNearestKnownReferenceShouldDecide() {
        UUID older = receive("<old@example.org>", null);
        UUID newer = receive("<new@example.org>", null);

        UUID reply = threads.threadFor(account, EmailId.random(), "<r@example.org>", "<unknown@example.org>",
                List.of("<old@example.org>", "<new@example.org>", "<gone@example.org>"));

        assertThat(reply).isEqualTo(newer).isNotEqualTo(older);
    }

    @Test
    void aSecondCopyOfAMessageShouldJoinTheFirstOnesThread() {
        UUID first = receive("<same@example.org>", null);

        assertThat(receive("<same@example.org>", null)).isEqualTo(first);
    }

    @Test
    void aMessageWithoutIdShouldGetAThreadAndLeaveNothingBehind() {
        Integer before = rows();
        UUID thread = threads.threadFor(account, EmailId.random(), null, null, List.of());

        assertThat(thread).isNotNull();
        assertThat(rows()).isEqualTo(before);
        assertThat(threads.threadFor(account, EmailId.random(), " ", null, List.of())).isNotEqualTo(thread);
    }

    @Test
    void threadsShouldNotCrossAccounts() {
        UUID mine = receive("<shared@example.org>", null);

        UUID theirs = threads.threadFor(AccountId.random(), EmailId.random(), "<x@example.org>",
                "<shared@example.org>", List.of());

        assertThat(theirs).isNotEqualTo(mine);
    }

    private UUID receive(String messageId, String inReplyTo) {
        return threads.threadFor(account, EmailId.random(), messageId, inReplyTo, List.of());
    }

    private Integer rows() {
        return jdbc.queryForObject("select count(*) from email_thread_registry where account_id = ?", Integer.class,
                account.value());
    }
}
