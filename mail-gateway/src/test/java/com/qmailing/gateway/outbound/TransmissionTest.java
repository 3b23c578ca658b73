package com.qmailing.gateway.outbound;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TransmissionTest {

    @Test
    void theHeaderBlockEndsWithTheBlankLineAfterTheHeaders() {
        assertThat(text(Transmission.headerBlock(bytes("From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n\r\nmore"))))
                .isEqualTo("From: a@example.com\r\nSubject: x\r\n\r\n");
    }

    @Test
    void bareLineFeedsEndItToo() {
        assertThat(text(Transmission.headerBlock(bytes("From: a@example.com\n\nbody"))))
                .isEqualTo("From: a@example.com\n\n");
    }

    @Test
    void aMessageWithoutABlankLineIsKeptWhole() {
        assertThat(text(Transmission.headerBlock(bytes("From: a@example.com\r\n")))).isEqualTo("From: a@example.com\r\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
