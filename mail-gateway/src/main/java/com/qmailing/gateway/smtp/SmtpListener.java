package com.qmailing.gateway.smtp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.internal.server.RequireAuthCommandWrapper;
import org.subethamail.smtp.internal.server.RequireTLSCommandWrapper;
import org.subethamail.smtp.server.SMTPServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

/**
 * The inbound SMTP server. It opens its port only when the application is ready (every event
 * processor running), so nothing accepted over SMTP is missed by a saga or projection.
 */
public class SmtpListener {

    private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);

    private final SMTPServer server;

    SmtpListener(SmtpProperties properties, String hostname, int maxMessageBytes, Ingest ingest) {
        SMTPServer.Builder builder = SMTPServer.port(properties.port())
                .hostName(hostname)
                .softwareName("QMailing")
                .maxMessageSize(maxMessageBytes)
                .maxRecipients(properties.maxRecipients())
                .maxConnections(properties.maxConnections())
                .connectionTimeout((int) properties.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // The stored message is exactly the bytes the client sent: /raw must give them back unchanged.
                .insertReceivedHeaders(false)
                .messageHandlerFactory(context -> new InboundTransaction(context, ingest, maxMessageBytes));
        if (!properties.bindAddress().isBlank()) {
            builder.bindAddress(address(properties.bindAddress()));
        }
        if (properties.tls().enabled()) {
            builder.enableTLS().startTlsSocketFactory(sslContext(properties.tls()));
        }
        this.server = builder.build();
        // Same guards as the library's own DATA entry, so requiring TLS or AUTH later still covers DATA.
        server.getCommandHandler().addCommand(
                new RequireAuthCommandWrapper(new RequireTLSCommandWrapper(new BlockDataCommand())));
    }

    void start() {
        server.start();
        log.info("SMTP listening on port {}", server.getPortAllocated());
    }

    void stop() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    public boolean isListening() {
        return server.isRunning();
    }

    /** The bound port; differs from the configured one only when that was 0 in tests. */
    public int port() {
        return server.getPortAllocated();
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (IOException e) {
            throw new IllegalStateException("qmailing.smtp.bind-address is not an address: " + host, e);
        }
    }

    private static SSLContext sslContext(SmtpProperties.Tls tls) {
        char[] password = tls.keyStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(tls.keyStore()))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the SMTP TLS key store " + tls.keyStore(), e);
        }
    }
}
