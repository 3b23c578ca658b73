package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fall-backs for a walk that broke off: rare with mime4j in lenient mode, so tested here directly. */
class ParsedMessageCollectorTest {

    @Test
    void aWalkThatFailedBeforeAnyBodyTakesItsPreviewFromTheRawText() {
        byte[] raw = Eml.utf8("Subject: broken\n\nSome   text\nthat could not be parsed");

        ParsedMessage message = new ParsedMessageCollector(Integer.MAX_VALUE, true).result(raw, false);

        assertThat(message.textBody()).isNull();
        assertThat(message.previewText()).isEqualTo("Subject: broken Some text that could not be parsed");
    }

    @Test
    void rawBinaryGivesNoPreview() {
        byte[] raw = {'x', 0, 1, 2, 3, 'y'};

        assertThat(new ParsedMessageCollector(Integer.MAX_VALUE, true).result(raw, false).previewText()).isNull();
    }

    @Test
    void aCompleteWalkWithoutBodyHasNoPreview() {
        assertThat(new ParsedMessageCollector(Integer.MAX_VALUE, true).result(Eml.utf8("Subject: x\n\n"), true).previewText()).isNull();
    }

    @Test
    void textWithAFewControlCharactersStillCountsAsText() {
        assertThat(RawText.looksLikeText(Eml.utf8(("\u001B[1m" + "word\t".repeat(12) + "\n").repeat(10)))).isTrue();
        assertThat(RawText.looksLikeText(new byte[] {1, 2, 3, 4, 'a'})).isFalse();
        assertThat(RawText.looksLikeText(new byte[0])).isFalse();
    }
}
