package com.qmailing.app.email;

import com.qmailing.app.support.Api;
import com.qmailing.app.support.SmtpClient;
import com.qmailing.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "250 only after durable storage", proved the hard way: a real QMailing process receives mail
 * over SMTP and is killed with SIGKILL in the middle of the stream; after a restart on the same
 * database and data folder, every message that was answered 250 is there.
 */
class CrashDurabilityTest {

    private static final String TOKEN = "qm_live_CrashTestTokenAbcdefghijklmnopqr";

    @TempDir
    Path dataDir;

    @Test
    void everyMessageAnswered250SurvivesAKillNine() throws Exception {
        String db = TestDatabase.freshDatabaseUrl();
        int http = freePort();
        int smtp = freePort();
        Process first = start(db, http, smtp);
        Api.Client operator = new Api("http://127.0.0.1:" + http).as(TOKEN);
        try {
            awaitHealthy(http);
            var mailbox = operator.post("/api/v1/pub/mailboxes", Map.of("localPart", "crash")).expect(201).json();
            String address = mailbox.get("address").asText();
            String mailboxId = mailbox.get("id").asText();
            Set<String> accepted = sendUntilKilled(first, smtp, address);
            assertThat(accepted).as("messages accepted before the kill").hasSizeGreaterThan(5);

            Process second = start(db, http, smtp);
            try {
                awaitHealthy(http);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        listedSubjects(operator, mailboxId)).containsAll(accepted));
            } finally {
                second.destroyForcibly().waitFor();
            }
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    /** Sends one message after another; kills the server after a while, mid-stream. */
    private static Set<String> sendUntilKilled(Process server, int smtp, String address) throws InterruptedException {
        Set<String> accepted = new HashSet<>();
        AtomicBoolean killed = new AtomicBoolean();
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            killed.set(true);
            server.destroyForcibly();
        });
        killer.start();
        int n = 0;
        while (!killed.get() || server.isAlive()) {
            String subject = "crash-" + n++;
            try (SmtpClient client = new SmtpClient(smtp)) {
                client.ehlo();
                String reply = client.send("load@example.org", ReceiveMailTest.message("load@example.org", address,
                        subject, "body " + subject + "\r\n"), address);
                if (reply.startsWith("250")) {
                    accepted.add(subject);
                }
            } catch (RuntimeException connectionLost) {
                if (killed.get()) {
                    break;
                }
            }
        }
        killer.join();
        return accepted;
    }

    private static List<String> listedSubjects(Api.Client operator, String mailboxId) {
        List<String> subjects = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            var page = operator.get("/api/v1/pub/email?limit=100&offset=" + offset + "&mailboxId=" + mailboxId)
                    .expect(200).json();
            page.forEach(email -> subjects.add(email.get("subject").asText()));
            if (page.size() < 100) {
                return subjects;
            }
        }
    }

    private Process start(String db, int http, int smtp) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true",
                "com.qmailing.app.QMailingApplication",
                "--server.port=" + http, "--qmailing.smtp.port=" + smtp, "--qmailing.db.url=" + db,
                "--qmailing.data-dir=" + dataDir, "--qmailing.bootstrap-token=" + TOKEN);
        return new ProcessBuilder(command).redirectErrorStream(true)
                // Kept under target/ so a failure can be read after the temporary data folder is gone.
                .redirectOutput(Path.of("target", "crash-test-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static void awaitHealthy(int http) {
        Api api = new Api("http://127.0.0.1:" + http);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    HttpResponse<byte[]> health = api.anonymous().download("/actuator/health");
                    return health.statusCode() == 200
                            && new String(health.body(), StandardCharsets.UTF_8).contains("\"UP\"");
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
