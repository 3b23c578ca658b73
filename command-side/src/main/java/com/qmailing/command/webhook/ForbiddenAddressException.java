package com.qmailing.command.webhook;

import java.net.UnknownHostException;

/**
 * A host that resolves to an address webhooks must not reach. An {@link UnknownHostException},
 * because to the HTTP client such a host has no address it may use.
 */
class ForbiddenAddressException extends UnknownHostException {

    private final String addressClass;

    ForbiddenAddressException(String addressClass) {
        super("resolves to a " + addressClass + " address");
        this.addressClass = addressClass;
    }

    String addressClass() {
        return addressClass;
    }
}
