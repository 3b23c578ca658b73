package com.qmailing.gateway.outbound;

import jakarta.mail.util.StreamProvider;

/**
 * Names Jakarta Mail's stream provider up front. Without the system property, every
 * {@code MimeBodyPart}, {@code Multipart} and {@code writeTo} asks {@code ServiceLoader} for it
 * again, which walks every jar of the class loader: a fifth of the CPU of a send was that walk.
 * With the property set, the lookup is one {@code Class.forName}.
 */
final class MailStreamProvider {

    static final String IMPLEMENTATION = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProvider() {
    }

    /** Keeps a provider chosen by whoever started the process. */
    static void pin() {
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), IMPLEMENTATION);
        }
    }
}
