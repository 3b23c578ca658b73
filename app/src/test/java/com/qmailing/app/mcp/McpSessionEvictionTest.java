package com.qmailing.app.mcp;

import com.qmailing.mcp.server.McpSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Abandoned sessions do not pile up. Its own application context: the timeout is fixed when the
 * transport is built, and 2 seconds here (30 minutes by default) keeps the test short.
 */
@TestPropertySource(properties = "qmailing.mcp.session-timeout=PT2S")
class McpSessionEvictionTest extends McpTest {

    private static final int ABANDONED = 25;

    @Autowired
    McpSessions sessions;

    @Test
    void abandonedSessionsAreClosedAfterTheTimeoutAndTheirMemoryReleasedWhileActiveOnesLive() throws Exception {
        String token = admin().newAccount("PRO").token();
        List<String> abandoned = new ArrayList<>();
        for (int i = 0; i < ABANDONED; i++) {
            abandoned.add(openSession(token));
        }
        String active = openSession(token);
        assertThat(sessions.held()).isGreaterThanOrEqualTo(ABANDONED + 1);

        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            useActively(active, token);
            Thread.sleep(300);
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            useActively(active, token);
            System.gc();
            return sessions.held() <= 1;
        });
        for (String session : abandoned) {
            assertThat(listToolsIn(session, token).statusCode()).isEqualTo(404);
        }
        useActively(active, token);
    }

    private void useActively(String session, String token) {
        assertThat(listToolsIn(session, token).statusCode()).as("a session in use stays open").isEqualTo(200);
    }
}
