package com.qmailing.command.webhook;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * The addresses a webhook must not reach: everything that leads into the instance's own host or
 * network rather than onto the Internet. Addresses that embed an IPv4 address (IPv4-mapped,
 * IPv4-compatible, NAT64, 6to4) are judged by the address they embed, so {@code ::ffff:127.0.0.1}
 * is as much loopback as {@code 127.0.0.1}.
 */
final class NonPublicAddresses {

    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private NonPublicAddresses() {
    }

    /** @return what kind of non-public address it is, or empty for a public address */
    static Optional<String> classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? classifyV4(bytes) : classifyV6(bytes);
    }

    private static Optional<String> classifyV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0) {
            return Optional.of("unspecified");
        }
        if (b0 == 127) {
            return Optional.of("loopback");
        }
        if (b0 == 10 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168) {
            return Optional.of("private");
        }
        if (b0 == 169 && b1 == 254) {
            // Cloud metadata services (169.254.169.254) live here.
            return Optional.of("link-local");
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return Optional.of("shared (carrier-grade NAT)");
        }
        if (b0 == 192 && b1 == 0 && a[2] == 0 || b0 == 198 && (b1 & 0xfe) == 18) {
            return Optional.of("reserved");
        }
        if (b0 >= 224 && b0 < 240) {
            return Optional.of("multicast");
        }
        if (b0 >= 240) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    private static Optional<String> classifyV6(byte[] a) {
        boolean firstTwelveZero = Arrays.equals(a, 0, 12, new byte[12], 0, 12);
        if (firstTwelveZero && Arrays.equals(a, 12, 15, new byte[3], 0, 3) && (a[15] == 0 || a[15] == 1)) {
            return Optional.of(a[15] == 0 ? "unspecified" : "loopback");
        }
        boolean mapped = Arrays.equals(a, 0, 10, new byte[10], 0, 10) && a[10] == (byte) 0xff && a[11] == (byte) 0xff;
        if (mapped || firstTwelveZero || Arrays.equals(a, 0, 12, NAT64_PREFIX, 0, 12)) {
            return classifyV4(Arrays.copyOfRange(a, 12, 16));
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            // 6to4 carries the IPv4 address of its relay in bits 16 to 47.
            return classifyV4(Arrays.copyOfRange(a, 2, 6));
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if ((b0 & 0xfe) == 0xfc) {
            // Unique local addresses (fc00::/7), AWS's metadata service fd00:ec2::254 among them.
            return Optional.of("private");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Optional.of("private");
        }
        if (b0 == 0xff) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }
}
