package com.qmailing.command.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The {@code X-QMailing-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} of
 * {@code "<t>.<raw body>"}, keyed with the endpoint's secret as UTF-8 text. Signing the time
 * along with the body lets a receiver refuse old deliveries replayed at it.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String header(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
