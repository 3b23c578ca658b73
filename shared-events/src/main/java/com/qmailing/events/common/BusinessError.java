package com.qmailing.events.common;

/**
 * A decision against a request, as it crosses the command or query bus (also between nodes,
 * as the details of Axon's handler exceptions).
 *
 * @param detail for humans and agents alike; never personal data beyond what the caller sent
 */
public record BusinessError(ErrorCode code, String detail) {
}
