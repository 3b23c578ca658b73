package com.qmailing.mcp.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DNS-rebinding protection (MCP transport spec): a browser's {@code Origin} must be one we know, and
 * the {@code Host} one we answer to when a list is configured. Requests without {@code Origin} come
 * from programs, not pages, and pass. An entry ending in {@code :*} matches any port.
 */
final class OriginPolicy {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final List<String> origins;
    private final List<String> hosts;

    OriginPolicy(List<String> origins, List<String> hosts) {
        this.origins = origins.stream().map(OriginPolicy::normal).toList();
        this.hosts = hosts.stream().map(OriginPolicy::normal).toList();
    }

    /** Loopback and the primary mail domain, over http and https, on any port. */
    static List<String> defaultOrigins(String primaryDomain) {
        List<String> names = new ArrayList<>(LOOPBACK);
        names.add(primaryDomain);
        List<String> origins = new ArrayList<>();
        for (String name : names) {
            for (String scheme : List.of("http://", "https://")) {
                origins.add(scheme + name);
                origins.add(scheme + name + ":*");
            }
        }
        return origins;
    }

    boolean allowsOrigin(String origin) {
        return origin == null || matches(origins, origin);
    }

    boolean allowsHost(String host) {
        return hosts.isEmpty() || host != null && matches(hosts, host);
    }

    private static boolean matches(List<String> allowed, String value) {
        String presented = normal(value);
        for (String entry : allowed) {
            if (entry.equals(presented)) {
                return true;
            }
            if (entry.endsWith(":*") && presented.startsWith(entry.substring(0, entry.length() - 1))
                    && isPort(presented.substring(entry.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPort(String text) {
        return !text.isEmpty() && text.length() <= 5 && text.chars().allMatch(Character::isDigit);
    }

    private static String normal(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
