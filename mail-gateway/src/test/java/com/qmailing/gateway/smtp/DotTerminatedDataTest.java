package com.qmailing.gateway.smtp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Block sizes from 1 to larger than the input put every edge of a block on every byte: the
 * terminating line, a stuffed dot and the CR after it must be recognised across any of them.
 */
class DotTerminatedDataTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 64, 8192})
    void endsAtTheDotLineKeepingItsCrlfAndLeavesTheNextCommandUnread(int blockSize) throws IOException {
        InputStream wire = wire("Subject: hi\r\n\r\nbody\r\n.\r\nQUIT\r\n");

        assertThat(text(new DotTerminatedData(wire, blockSize))).isEqualTo("Subject: hi\r\n\r\nbody\r\n");
        assertThat(text(wire)).isEqualTo("QUIT\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 6, 64, 8192})
    void removesTheLeadingDotOfEveryOtherLine(int blockSize) throws IOException {
        InputStream wire = wire("..hidden\r\n...\r\nmid.dle\r\n.\rx\r\n..\r\n.x\r\n.\r\nMAIL FROM:<a@b>\r\n");

        assertThat(text(new DotTerminatedData(wire, blockSize)))
                .isEqualTo(".hidden\r\n..\r\nmid.dle\r\n\rx\r\n.\r\nx\r\n");
        assertThat(text(wire)).isEqualTo("MAIL FROM:<a@b>\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 9, 16, 31, 8192})
    void longLinesAreCopiedWholeUpToEachCarriageReturn(int blockSize) throws IOException {
        InputStream wire = wire("a long line of words\rstill the same line\r\r\n..dot\r\nend of it\r\r\n.\r\nRSET\r\n");

        assertThat(text(new DotTerminatedData(wire, blockSize)))
                .isEqualTo("a long line of words\rstill the same line\r\r\n.dot\r\nend of it\r\r\n");
        assertThat(text(wire)).isEqualTo("RSET\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8192})
    void aDotLineRightAfterDataIsAnEmptyMessage(int blockSize) throws IOException {
        InputStream wire = wire(".\r\nNOOP\r\n");

        assertThat(text(new DotTerminatedData(wire, blockSize))).isEmpty();
        assertThat(text(wire)).isEqualTo("NOOP\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8192})
    void aDotWithoutACrlfBeforeItOrAfterItDoesNotEndTheMessage(int blockSize) throws IOException {
        InputStream wire = wire("a\n.\r\nb\r\n.\nc\r\n.x\r\n.\r\n");

        assertThat(text(new DotTerminatedData(wire, blockSize))).isEqualTo("a\n.\r\nb\r\n\nc\r\nx\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8192})
    void theConnectionClosingBeforeTheDotLineIsAnError(int blockSize) {
        InputStream wire = wire("Subject: cut\r\n\r\nbody\r\n.");

        assertThatThrownBy(() -> text(new DotTerminatedData(wire, blockSize))).isInstanceOf(EOFException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 8192})
    void readsByteByByteAsWellAsInBlocks(int blockSize) throws IOException {
        DotTerminatedData data = new DotTerminatedData(wire("ab\r\n..c\r\n.\r\n"), blockSize);
        StringBuilder read = new StringBuilder();
        for (int b = data.read(); b >= 0; b = data.read()) {
            read.append((char) b);
        }

        assertThat(read).hasToString("ab\r\n.c\r\n");
        assertThat(data.read(new byte[4], 0, 4)).isEqualTo(-1);
    }

    private static InputStream wire(String bytes) {
        // The SMTP session's own buffer is far larger than a test's block: reset must reach back a whole block.
        return new BufferedInputStream(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)), 8192);
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
