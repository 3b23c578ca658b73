package com.qmailing.gateway.smtp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MessageDataTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 5 * 64 * 1024 + 3})
    void aMessageUpToTheLimitIsReadWholeAndExactly(int size) throws Exception {
        byte[] message = random(size);

        assertThat(MessageData.read(new ByteArrayInputStream(message), 5 * 64 * 1024 + 3, 0)).isEqualTo(message);
    }

    /** SIZE is what the client says, not a promise: too small or too large, the bytes are what counts. */
    @ParameterizedTest
    @ValueSource(ints = {1, 99_999, 100_000, 100_001, 300_000})
    void aDeclaredSizeRightOrWrongGivesTheBytesSent(int declared) throws Exception {
        byte[] message = random(100_000);

        assertThat(MessageData.read(new ByteArrayInputStream(message), 200_000, declared)).isEqualTo(message);
    }

    @Test
    void aMessageLongerThanItsDeclaredSizeAndTheLimitIsRefused() throws Exception {
        ByteArrayInputStream data = new ByteArrayInputStream(random(300_000));

        assertThat(MessageData.read(data, 200_000, 150_000)).isNull();
        assertThat(data.available()).isZero();
    }

    @Test
    void aMessageOverTheLimitIsReadToItsEndAndRefused() throws Exception {
        ByteArrayInputStream data = new ByteArrayInputStream(random(200 * 1024));

        assertThat(MessageData.read(data, 200 * 1024 - 1, 0)).isNull();
        assertThat(data.available()).as("the session stays in step with the client").isZero();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
