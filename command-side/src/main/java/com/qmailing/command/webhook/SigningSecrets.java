package com.qmailing.command.webhook;

import com.qmailing.events.webhook.WebhookSigningSecret;

import java.security.SecureRandom;

/** Makes signing secrets: {@code whsec_} and 32 letters or digits, about 190 random bits. */
final class SigningSecrets {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecrets() {
    }

    static WebhookSigningSecret generate() {
        StringBuilder secret = new StringBuilder(WebhookSigningSecret.PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new WebhookSigningSecret(secret.toString());
    }
}
