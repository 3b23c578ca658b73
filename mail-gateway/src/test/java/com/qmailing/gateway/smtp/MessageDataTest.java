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

        assertThat(MessageData.read(new ByteArrayInputStream(message), 5 * 64 * 1024 + 3)).isEqualTo(message);
    }

    @Test
    void aMessageOverTheLimitIsReadToItsEndAndRefused() throws Exception {
        ByteArrayInputStream data = new ByteArrayInputStream(random(200 * 1024));

        assertThat(MessageData.read(data, 200 * 1024 - 1)).isNull();
        assertThat(data.available()).as("the session stays in step with the client").isZero();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
