package com.qmailing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether large messages pass through a server with little heap: one message of about 20 MB
 * (a base64 attachment) over SMTP, then several at once on parallel connections, then its
 * {@code /raw} and attachment downloads, checked byte for byte. Run the server with a small heap
 * ({@code -Xmx128m}) and a flight recording for the allocation figures (docs/benchmarks.md): this
 * program prints the outcomes, the times and the time window of each phase.
 * <p>
 * Usage: {@code LargeMessageBenchmark [baseUrl] [adminToken] [smtpPort] [concurrent] [megabytes] [--no-size]};
 * messages announce their size in {@code MAIL FROM} as MTAs do, unless {@code --no-size}.
 */
public final class LargeMessageBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String admin = Accounts.adminToken(args, 1);
        int smtpPort = args.length > 2 ? Integer.parseInt(args[2]) : 2525;
        int concurrent = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int megabytes = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        boolean declareSize = !(args.length > 5 && "--no-size".equals(args[5]));

        Http http = new Http(base);
        Accounts.Account account = Accounts.create(http, admin, "PRO_MAX");
        JsonNode mailbox = http.expect(201, "POST", "/api/v1/pub/mailboxes", account.token(),
                Map.of("localPart", "large" + UUID.randomUUID().toString().substring(0, 8)));
        String address = mailbox.get("address").asText();
        String mailboxId = mailbox.get("id").asText();

        byte[] message = message(address, "large-single", megabytes);
        System.out.printf("message: %,d bytes (attachment of %,d bytes, base64), SIZE %s%n", message.length,
                attachmentBytes(megabytes), declareSize ? "declared" : "not declared");
        long window = quietWindowStart();
        long t0 = System.nanoTime();
        String single = sendOne(smtpPort, address, message, declareSize);
        System.out.printf("1 message: %s in %.2f s%n", single, (System.nanoTime() - t0) / 1e9);
        quietWindowEnd("single", window);

        window = quietWindowStart();
        t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrent);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            byte[] copy = message(address, "large-parallel-" + i, megabytes);
            results.add(pool.submit(() -> sendOne(smtpPort, address, copy, declareSize)));
        }
        int accepted = 0;
        List<String> refusals = new ArrayList<>();
        for (Future<String> result : results) {
            String outcome = result.get();
            if (outcome.startsWith("250")) {
                accepted++;
            } else {
                refusals.add(outcome);
            }
        }
        pool.shutdown();
        System.out.printf("%d messages at once: %d accepted in %.2f s%s%n", concurrent, accepted,
                (System.nanoTime() - t0) / 1e9, refusals.isEmpty() ? "" : ", refused: " + refusals);
        quietWindowEnd("parallel", window);

        send(http, account.token(), mailboxId, address);

        if (single.startsWith("250")) {
            checkDownloads(http, account.token(), mailboxId, message, concurrent);
        }
    }

    /**
     * {@code POST /email/send} of a message with a 14 MB attachment (about 19 MB once composed) to
     * the same mailbox, so that it is composed, stored in SENT and delivered locally.
     */
    private static void send(Http http, String token, String mailboxId, String address) throws Exception {
        byte[] attachment = new byte[14 << 20];
        new Random(7).nextBytes(attachment);
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(attachment.length + 1024);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"command\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + Http.JSON.writeValueAsString(Map.of("mailbox_id", mailboxId,
                "to", List.of(address), "subject", "large-sent", "body_text", "The scan is attached."))
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"scan.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(attachment);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        long window = quietWindowStart();
        long t0 = System.nanoTime();
        HttpResponse<String> sent = http.postMultipart("/api/v1/pub/email/send", token, boundary, body.toByteArray());
        System.out.printf("POST /email/send with a %,d-byte attachment: %d in %.2f s%n", attachment.length,
                sent.statusCode(), (System.nanoTime() - t0) / 1e9);
        // The local delivery to the INBOX follows the 201: give it time inside the window.
        Thread.sleep(3_000);
        quietWindowEnd("send", window);
    }

    /**
     * A phase between two quiet seconds, printed as epoch milliseconds, so that the server's
     * allocation in it can be read from a flight recording (jdk.ThreadAllocationStatistics every
     * second) without the neighbouring phases.
     */
    private static long quietWindowStart() throws InterruptedException {
        Thread.sleep(2_000);
        return System.currentTimeMillis();
    }

    private static void quietWindowEnd(String phase, long start) throws InterruptedException {
        System.out.printf("window %s %d %d%n", phase, start, System.currentTimeMillis());
        Thread.sleep(2_000);
    }

    private static String sendOne(int smtpPort, String to, byte[] message, boolean declareSize) {
        try (SmtpSession session = new SmtpSession("127.0.0.1", smtpPort)) {
            session.send("sender@example.org", to, message, declareSize);
            return "250";
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static void checkDownloads(Http http, String token, String mailboxId, byte[] message, int concurrent)
            throws Exception {
        String id = null;
        for (int tries = 0; id == null && tries < 600; tries++) {
            for (JsonNode email : http.expect(200, "GET", "/api/v1/pub/email?limit=50&mailboxId=" + mailboxId,
                    token, null)) {
                if ("large-single".equals(email.get("subject").asText())) {
                    id = email.get("id").asText();
                }
            }
            LockSupport.parkNanos(100_000_000);
        }
        if (id == null) {
            throw new IllegalStateException("the message was never listed");
        }
        long window = quietWindowStart();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> raw = http.download("/api/v1/pub/email/" + id + "/raw", token);
        double rawSeconds = (System.nanoTime() - t0) / 1e9;
        boolean same = raw.statusCode() == 200 && sha256(raw.body()).equals(sha256(message));
        System.out.printf("GET /raw: %d, %,d bytes, %s, %.2f s%n", raw.statusCode(), raw.body().length,
                same ? "byte-identical" : "DIFFERENT", rawSeconds);
        t0 = System.nanoTime();
        HttpResponse<byte[]> attachment = http.download("/api/v1/pub/email/" + id + "/attachments/0", token);
        System.out.printf("GET /attachments/0: %d, %,d bytes, %.2f s%n", attachment.statusCode(),
                attachment.body().length, (System.nanoTime() - t0) / 1e9);
        quietWindowEnd("downloads", window);

        String path = "/api/v1/pub/email/" + id + "/raw";
        String expected = sha256(message);
        window = quietWindowStart();
        t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrent);
        List<Future<Boolean>> downloads = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            downloads.add(pool.submit(() -> {
                HttpResponse<byte[]> response = new Http(http.base()).download(path, token);
                return response.statusCode() == 200 && sha256(response.body()).equals(expected);
            }));
        }
        int identical = 0;
        for (Future<Boolean> download : downloads) {
            try {
                identical += download.get() ? 1 : 0;
            } catch (ExecutionException e) {
                // A failed download counts as not identical.
            }
        }
        pool.shutdown();
        System.out.printf("%d GET /raw at once: %d byte-identical in %.2f s%n", concurrent, identical,
                (System.nanoTime() - t0) / 1e9);
        quietWindowEnd("parallel-downloads", window);
    }

    private static int attachmentBytes(int megabytes) {
        // base64 grows by 4/3 plus CRLF every 76 characters: this keeps the message just under the size.
        return (int) ((megabytes * 1024L * 1024L - 4096) * 57 / 78);
    }

    static byte[] message(String to, String subject, int megabytes) {
        byte[] attachment = new byte[attachmentBytes(megabytes)];
        new Random(42).nextBytes(attachment);
        ByteArrayOutputStream out = new ByteArrayOutputStream(megabytes << 20);
        out.writeBytes(("From: Sender <sender@example.org>\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.org>\r\nDate: Mon, 23 Nov 2026 12:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe scan is attached.\r\n"
                + "--b1\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=\"scan.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Base64.getMimeEncoder().encode(attachment));
        out.writeBytes("\r\n--b1--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
