package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewTextTest {

    @Test
    void whiteSpaceOfEveryKindCollapsesToOneSpace() {
        assertThat(PreviewText.of("  Hello,\r\n\r\n\tworld\u00A0\u00A0again \n")).isEqualTo("Hello, world again");
    }

    @Test
    void longTextIsCutAtTheLength() {
        assertThat(PreviewText.of("a".repeat(500))).hasSize(PreviewText.LENGTH);
    }

    @Test
    void aSurrogatePairAtTheLimitIsLeftOutRatherThanSplit() {
        String text = "a".repeat(PreviewText.LENGTH - 1) + "\uD83D\uDE00" + "tail";

        assertThat(PreviewText.of(text)).isEqualTo("a".repeat(PreviewText.LENGTH - 1));
    }

    @Test
    void blankOrAbsentTextHasNoPreview() {
        assertThat(PreviewText.of(null)).isNull();
        assertThat(PreviewText.of(" \r\n\t ")).isNull();
    }
}
