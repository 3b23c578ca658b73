package com.qmailing.gateway.mime;

/**
 * One mailbox from an address header.
 *
 * @param address {@code local@domain} as written (case kept); best effort for malformed input
 * @param name    the decoded display name, or null when there is none
 */
public record MessageAddress(String address, String name) {
}
