package com.qmailing.gateway.outbound;

import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.email.DeliveryOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpRelayTransportTest {

    private final List<SocketAddress> connections = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final int port = freePort();
    private SMTPServer relay = relay();
    private final SmtpRelayTransport transport = new SmtpRelayTransport(
            new OutboundProperties.Relay("127.0.0.1", port, "", "", false), 2);

    @AfterEach
    void stop() {
        transport.close();
        relay.stop();
    }

    @Test
    void messagesOneAfterTheOtherShareOneConnection() {
        for (int i = 0; i < 3; i++) {
            assertThat(transport.send("a@example.com", List.of(EmailAddress.parse("b@remote.example")), message(i))
                    .outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        }
        assertThat(messages).hasSize(3);
        assertThat(connections.stream().distinct()).hasSize(1);
    }

    @Test
    void aKeptConnectionTheRelayDroppedIsReplacedAndTheMessageArrivesOnce() {
        transport.send("a@example.com", List.of(EmailAddress.parse("b@remote.example")), message(0));
        relay.stop();
        relay = relay();

        var result = transport.send("a@example.com", List.of(EmailAddress.parse("b@remote.example")), message(1));

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(messages).containsExactly("0", "1");
        assertThat(connections.stream().distinct()).hasSize(2);
    }

    @Test
    void aRelayThatIsDownIsATemporaryFailure() {
        relay.stop();

        var result = transport.send("a@example.com", List.of(EmailAddress.parse("b@remote.example")), message(0));

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.TEMPORARY_FAILURE);
    }

    private SMTPServer relay() {
        SMTPServer server = SMTPServer.port(port).hostName("relay.test").messageHandlerFactory(context -> {
            connections.add(context.getRemoteAddress());
            return new MessageHandler() {
                @Override
                public void from(String from) {
                }

                @Override
                public void recipient(String recipient) {
                }

                @Override
                public String data(InputStream data) throws IOException {
                    String text = new String(data.readAllBytes(), StandardCharsets.US_ASCII);
                    messages.add(text.substring(text.indexOf("\r\n\r\n") + 4).trim());
                    return null;
                }

                @Override
                public void done() {
                }
            };
        }).build();
        server.start();
        return server;
    }

    private static byte[] message(int n) {
        return ("From: a@example.com\r\nTo: b@remote.example\r\nSubject: " + n + "\r\n\r\n" + n + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
