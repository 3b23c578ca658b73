package com.qmailing.command.webhook;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * POSTs one webhook delivery. The host is resolved by the {@link TargetGuard}, and only the
 * addresses it checked are connected to, so a DNS answer that changes between check and connect
 * cannot lead the request inside. No redirect is followed (a 3xx is a failure), no proxy is used,
 * and every attempt ends within the timeout, however slowly the receiver answers.
 */
class WebhookHttpClient implements AutoCloseable {

    static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final Duration timeout;

    WebhookHttpClient(TargetGuard guard, Duration timeout) {
        this.timeout = timeout;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("QMailing-Webhooks/1")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    AttemptOutcome post(String url, Map<String, String> headers, byte[] body) {
        HttpPost post = new HttpPost(URI.create(url));
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = client.executeOpen(null, post, null);
            int status = response.getCode();
            // The body is of no interest: dropping the connection spares reading it, however long it is.
            post.cancel();
            closeQuietly(response);
            return outcome(status);
        } catch (ForbiddenAddressException e) {
            return new AttemptOutcome.Failed(null, "refused: the host " + e.getMessage());
        } catch (UnknownHostException e) {
            return new AttemptOutcome.Failed(null, "the host does not resolve");
        } catch (IOException e) {
            return new AttemptOutcome.Failed(null, post.isCancelled() ? timedOut() : describe(e));
        } finally {
            deadline.cancel(false);
        }
    }

    private static AttemptOutcome outcome(int status) {
        if (status >= 200 && status < 300) {
            return new AttemptOutcome.Delivered(status);
        }
        if (status >= 300 && status < 400) {
            return new AttemptOutcome.Failed(status, "HTTP " + status + ": redirects are not followed");
        }
        return new AttemptOutcome.Failed(status, "HTTP " + status);
    }

    /** Fixed words per kind of failure: exception messages may name the host. */
    private String describe(IOException failure) {
        if (failure instanceof ConnectTimeoutException || failure instanceof SocketTimeoutException) {
            return timedOut();
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof SSLException) {
            return "TLS handshake failed";
        }
        return "connection failed";
    }

    private String timedOut() {
        long millis = timeout.toMillis();
        return "no answer within " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms");
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection was dropped on purpose
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }

    /** Name resolution for the client, through the guard only. */
    private static final class GuardedResolver implements DnsResolver {

        private final TargetGuard guard;

        GuardedResolver(TargetGuard guard) {
            this.guard = guard;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return guard.resolve(host);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
