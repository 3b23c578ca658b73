package com.qmailing.command.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-GCM with one cipher reused per thread: every call must still stand on its own. */
class AeadTest {

    private static final byte[] DATA = "Alice <alice@example.org>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BOUND = "scope".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSealedValueShouldOpenOnlyWithItsKeyAndAssociatedData() {
        SecretKey key = key();
        byte[] sealed = Aead.encrypt(key, DATA, BOUND);

        assertThat(Aead.decrypt(key, sealed, BOUND)).isEqualTo(DATA);
        assertThatThrownBy(() -> Aead.decrypt(key(), sealed, BOUND)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Aead.decrypt(key, sealed, "other".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void aFailedOpeningShouldNotSpoilTheThreadsNextCalls() {
        SecretKey key = key();
        byte[] sealed = Aead.encrypt(key, DATA, BOUND);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> Aead.decrypt(key, altered, BOUND)).isInstanceOf(CryptoException.class);
        assertThat(Aead.decrypt(key, sealed, BOUND)).isEqualTo(DATA);
        byte[] again = Aead.encrypt(key, DATA, BOUND);
        assertThat(again).isNotEqualTo(sealed);
        assertThat(Aead.decrypt(key, again, BOUND)).isEqualTo(DATA);
    }

    @Test
    void keysShouldAlternateFreelyOnOneThread() {
        SecretKey first = key();
        SecretKey second = key();
        byte[] a = Aead.encrypt(first, DATA, BOUND);
        byte[] b = Aead.encrypt(second, DATA, BOUND);

        assertThat(Aead.decrypt(second, b, BOUND)).isEqualTo(DATA);
        assertThat(Aead.decrypt(first, a, BOUND)).isEqualTo(DATA);
    }

    private static SecretKey key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }
}
