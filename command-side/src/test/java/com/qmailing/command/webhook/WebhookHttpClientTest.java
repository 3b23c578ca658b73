package com.qmailing.command.webhook;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookHttpClientTest {

    private static final byte[] BODY = "{\"id\":\"e1\",\"type\":\"email.received\",\"data\":{}}"
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private WebhookHttpClient client;

    record Received(String path, String host, String contentType, String signature, byte[] body) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-QMailing-Signature"), body));
            switch (exchange.getRequestURI().getPath()) {
                case "/fails" -> exchange.sendResponseHeaders(500, -1);
                case "/moved" -> {
                    exchange.getResponseHeaders().add("Location", "/elsewhere");
                    exchange.sendResponseHeaders(302, -1);
                }
                case "/slow" -> {
                    sleep(Duration.ofSeconds(3));
                    exchange.sendResponseHeaders(200, -1);
                }
                default -> exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aTwoHundredAnswerIsADeliveryOfTheExactBytesWithTheHeaders() {
        client = new WebhookHttpClient(new TargetGuard(true, HostResolver.SYSTEM), Duration.ofSeconds(10));

        AttemptOutcome outcome = client.post(url("/hook"), Map.of("X-QMailing-Signature", "t=1,v1=ab"), BODY);

        assertThat(outcome).isEqualTo(new AttemptOutcome.Delivered(204));
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.body()).isEqualTo(BODY);
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.signature()).isEqualTo("t=1,v1=ab");
        });
    }

    @Test
    void aServerErrorIsAFailureWithItsStatus() {
        client = new WebhookHttpClient(new TargetGuard(true, HostResolver.SYSTEM), Duration.ofSeconds(10));

        assertThat(client.post(url("/fails"), Map.of(), BODY)).isEqualTo(new AttemptOutcome.Failed(500, "HTTP 500"));
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        client = new WebhookHttpClient(new TargetGuard(true, HostResolver.SYSTEM), Duration.ofSeconds(10));

        assertThat(client.post(url("/moved"), Map.of(), BODY))
                .isEqualTo(new AttemptOutcome.Failed(302, "HTTP 302: redirects are not followed"));
        assertThat(received).extracting(Received::path).containsExactly("/moved");
    }

    @Test
    void aLoopbackReceiverIsRefusedBeforeConnectingUnlessPrivateAddressesAreAllowed() {
        client = new WebhookHttpClient(new TargetGuard(false, HostResolver.SYSTEM), Duration.ofSeconds(10));

        assertThat(client.post(url("/hook"), Map.of(), BODY))
                .isEqualTo(new AttemptOutcome.Failed(null, "refused: the host resolves to a loopback address"));
        assertThat(received).isEmpty();
    }

    /** DNS rebinding: the name was public when registered and points inside by the time of delivery. */
    @Test
    void aNameThatNowResolvesToLoopbackIsRefusedAtDelivery() {
        HostResolver rebound = TargetGuardTest.names(Map.of("rebound.example", new String[]{"127.0.0.1"}));
        client = new WebhookHttpClient(new TargetGuard(false, rebound), Duration.ofSeconds(10));

        assertThat(client.post("http://rebound.example:" + port() + "/hook", Map.of(), BODY))
                .isEqualTo(new AttemptOutcome.Failed(null, "refused: the host resolves to a loopback address"));
        assertThat(received).isEmpty();
    }

    @Test
    void theConnectionGoesToTheAddressTheGuardResolvedAndTheHostHeaderKeepsTheName() {
        HostResolver resolver = TargetGuardTest.names(Map.of("receiver.example", new String[]{"127.0.0.1"}));
        client = new WebhookHttpClient(new TargetGuard(true, resolver), Duration.ofSeconds(10));

        assertThat(client.post("http://receiver.example:" + port() + "/hook", Map.of(), BODY))
                .isEqualTo(new AttemptOutcome.Delivered(204));
        assertThat(received).singleElement().extracting(Received::host).isEqualTo("receiver.example:" + port());
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailureWithinTheTimeout() {
        client = new WebhookHttpClient(new TargetGuard(true, HostResolver.SYSTEM), Duration.ofMillis(300));
        long start = System.nanoTime();

        AttemptOutcome outcome = client.post(url("/slow"), Map.of(), BODY);

        assertThat(outcome).isEqualTo(new AttemptOutcome.Failed(null, "no answer within 300 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aClosedPortIsAFailureWithoutAStatus() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        client = new WebhookHttpClient(new TargetGuard(true, HostResolver.SYSTEM), Duration.ofSeconds(10));

        assertThat(client.post("http://127.0.0.1:" + closed + "/hook", Map.of(), BODY))
                .isEqualTo(new AttemptOutcome.Failed(null, "connection refused"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
