package com.qmailing.api.auth;

import com.qmailing.api.core.Gateways;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.token.FindTokenCredentialsQuery;
import com.qmailing.events.token.TokenCredentialsView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Checks {@code Authorization: Bearer qm_live_...} on every request. The token's state (revoked,
 * expired, account deleted, plan) is read fresh each time, so a revocation or a downgrade applies
 * to the very next request. Only the expensive bcrypt comparison is remembered: a token already
 * proven to match a given hash is not hashed again (the cache key is a SHA-256 of the token, so
 * the cache holds no secrets either).
 */
@Component
public class TokenAuthenticator {

    private static final int VERIFIED_CACHE_SIZE = 10_000;
    private static final String BEARER = "Bearer ";

    private final Gateways gateways;
    private final Clock clock;
    private final Map<String, String> verified = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > VERIFIED_CACHE_SIZE;
                }
            });

    private final Timer checks;

    public TokenAuthenticator(Gateways gateways, Clock clock, MeterRegistry meters) {
        this.gateways = gateways;
        this.clock = clock;
        // What the check adds to every request, warm (cached bcrypt result) or cold, as percentiles.
        this.checks = Timer.builder("qmailing.auth.token.check").publishPercentiles(0.5, 0.99)
                .description("time to authenticate a bearer token").register(meters);
    }

    /** @throws ApiProblem 401 for a missing, malformed, unknown, expired or revoked token, or one of a deleted account */
    public Caller authenticate(String authorization) {
        return authenticate(authorization, false);
    }

    /**
     * @param cancelsDeletion the request would cancel its account's pending deletion: the one request
     *                        a deleted account's (unrevoked) tokens are still good for
     */
    public Caller authenticate(String authorization, boolean cancelsDeletion) {
        long started = System.nanoTime();
        try {
            return check(authorization, cancelsDeletion);
        } finally {
            checks.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Caller check(String authorization, boolean cancelsDeletion) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("missing bearer token");
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (!ApiTokens.isWellFormed(token)) {
            throw unauthorized("malformed token");
        }
        TokenCredentialsView credentials = gateways
                .one(new FindTokenCredentialsQuery(ApiTokens.lookupKey(token)), TokenCredentialsView.class)
                .orElseThrow(() -> unauthorized("invalid token"));
        if (!matches(token, credentials.bcryptHash())) {
            throw unauthorized("invalid token");
        }
        if (credentials.accountDeletionPending() && !cancelsDeletion) {
            throw unauthorized("account deleted: until it is purged, its tokens only cancel the deletion "
                    + "(POST /api/v1/account/restore)");
        }
        if (!credentials.usable() && !credentials.accountDeletionPending()) {
            throw unauthorized("token revoked");
        }
        if (credentials.expiresAt() != null && !clock.instant().isBefore(credentials.expiresAt())) {
            throw unauthorized("token expired");
        }
        return new Caller(credentials.accountId(), credentials.tokenId(), credentials.scopes(), credentials.plan());
    }

    private boolean matches(String token, String bcryptHash) {
        String fingerprint = sha256(token);
        String known = verified.get(fingerprint);
        if (known != null && MessageDigest.isEqual(known.getBytes(StandardCharsets.US_ASCII),
                bcryptHash.getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        if (ApiTokens.matches(token, bcryptHash)) {
            verified.put(fingerprint, bcryptHash);
            return true;
        }
        return false;
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(ErrorCode.UNAUTHORIZED, detail);
    }
}
