package com.qmailing.command.webhook;

import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks off the instance's own network (SSRF). A URL is checked when it is registered,
 * for a clear 400, and its host again on every delivery, because DNS may answer differently by
 * then: the delivery connects only to the addresses {@link #resolve} checked.
 */
class TargetGuard {

    static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivate;
    private final HostResolver resolver;

    TargetGuard(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * @return the URL, fit to be registered
     * @throws BusinessRuleException {@code ValidationFailed} naming {@code url}
     */
    String checkRegistrable(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("must not be empty");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw invalid("at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid("must be an http or https URL");
        }
        if (uri.getHost() == null) {
            throw invalid("must name a valid host");
        }
        // Credentials in a URL end up in logs and proxies everywhere; receivers take a token in the path instead.
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not contain credentials");
        }
        try {
            resolve(uri.getHost());
        } catch (ForbiddenAddressException e) {
            throw invalid("the host " + e.getMessage() + "; webhooks reach public addresses only");
        } catch (UnknownHostException e) {
            throw invalid("the host does not resolve");
        }
        return url;
    }

    /**
     * Every address of the host, each of them checked.
     *
     * @throws ForbiddenAddressException when any address is not public (unless private ones are allowed)
     * @throws UnknownHostException      when the host does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses.length == 0) {
            throw new UnknownHostException("no address");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                Optional<String> forbidden = NonPublicAddresses.classify(address);
                if (forbidden.isPresent()) {
                    throw new ForbiddenAddressException(forbidden.get());
                }
            }
        }
        return addresses;
    }

    private static BusinessRuleException invalid(String reason) {
        return new BusinessRuleException(ErrorCode.VALIDATION_FAILED, "url: " + reason);
    }
}
