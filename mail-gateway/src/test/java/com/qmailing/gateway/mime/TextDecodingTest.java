package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TextDecodingTest {

    private static final String GERMAN = "Gr\u00FC\u00DFe aus K\u00F6ln";

    @Test
    void headerBytesThatAreValidUtf8AreReadAsUtf8() {
        assertThat(TextDecoding.header(GERMAN.getBytes(StandardCharsets.UTF_8))).isEqualTo(GERMAN);
    }

    @Test
    void headerBytesThatAreNotUtf8AreReadAsWindows1252() {
        assertThat(TextDecoding.header("\u201Cquoted\u201D \u20AC5".getBytes(TextDecoding.WINDOWS_1252)))
                .isEqualTo("\u201Cquoted\u201D \u20AC5");
        assertThat(TextDecoding.header(GERMAN.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(GERMAN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"x-unknown", "unknown-8bit", "utf-7", "\"\"", "no such charset!", "us-ascii"})
    void anUnknownMissingOrAsciiLabelOnEightBitBytesIsGuessed(String label) {
        assertThat(TextDecoding.decode(GERMAN.getBytes(StandardCharsets.UTF_8), label)).isEqualTo(GERMAN);
        assertThat(TextDecoding.decode(GERMAN.getBytes(StandardCharsets.ISO_8859_1), label)).isEqualTo(GERMAN);
    }

    @Test
    void utf8LabelOnLatin1BytesFallsBackToWindows1252() {
        assertThat(TextDecoding.decode(GERMAN.getBytes(StandardCharsets.ISO_8859_1), "utf-8")).isEqualTo(GERMAN);
    }

    @Test
    void utf8WithAFewBrokenBytesStaysUtf8WithReplacementCharacters() {
        byte[] utf8 = (GERMAN + " \u00E9t\u00E9").getBytes(StandardCharsets.UTF_8);
        byte[] damaged = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, damaged, 0, utf8.length);
        damaged[utf8.length] = (byte) 0xC3;

        assertThat(TextDecoding.decode(damaged, "UTF-8")).isEqualTo(GERMAN + " \u00E9t\u00E9\uFFFD");
    }

    @Test
    void latin1LabelIsReadAsItsWindows1252SupersetLikeBrowsersDo() {
        byte[] smartQuotes = {(byte) 0x93, 'h', 'i', (byte) 0x94};

        assertThat(TextDecoding.decode(smartQuotes, "ISO-8859-1")).isEqualTo("\u201Chi\u201D");
    }

    @Test
    void otherLabelsAreHonoured() {
        String russian = "\u041F\u0440\u0438\u0432\u0435\u0442";

        assertThat(TextDecoding.decode(russian.getBytes(Charset.forName("KOI8-R")), "koi8-r")).isEqualTo(russian);
        assertThat(TextDecoding.decode(GERMAN.getBytes(Charset.forName("ISO-8859-15")), "\"iso-8859-15\""))
                .isEqualTo(GERMAN);
    }

    @Test
    void lookupIgnoresCaseQuotesAndBlanks() {
        assertThat(TextDecoding.lookup(" \"UTF-8\" ")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextDecoding.lookup("utf8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextDecoding.lookup("bogus/charset")).isNull();
    }

    @Test
    void utf8CheckRejectsOverlongAndSurrogateEncodings() {
        assertThat(TextDecoding.Utf8Check.of(new byte[] {(byte) 0xC0, (byte) 0xAF}).isValid()).isFalse();
        assertThat(TextDecoding.Utf8Check.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).isValid()).isFalse();
        assertThat(TextDecoding.Utf8Check.of(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}).isValid())
                .isFalse();
        assertThat(TextDecoding.Utf8Check.of("\uD83D\uDE00".getBytes(StandardCharsets.UTF_8)).isValid()).isTrue();
    }
}
