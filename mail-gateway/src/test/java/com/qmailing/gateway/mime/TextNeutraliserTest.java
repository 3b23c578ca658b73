package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNeutraliserTest {

    @Test
    void nullStaysNull() {
        assertThat(TextNeutraliser.singleLine(null)).isNull();
        assertThat(TextNeutraliser.multiLine(null)).isNull();
    }

    @Test
    void rightToLeftOverrideIsRemovedSoAFileNameShowsItsRealExtension() {
        assertThat(TextNeutraliser.singleLine("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
            0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x00AD, 0x2060, 0x061C, 0x180E, 0xE0041, 0x3164, 0xFFFF})
    void everyInvisibleOrDirectionalCharacterBetweenAsciiLettersIsRemoved(int codePoint) {
        String hidden = "pay" + new String(Character.toChars(codePoint)) + "pal";

        assertThat(TextNeutraliser.singleLine(hidden)).isEqualTo("paypal");
        assertThat(TextNeutraliser.multiLine(hidden)).isEqualTo("paypal");
    }

    @Test
    void lineBreaksInSingleLineFieldsBecomeOneSpaceSoNoHeaderCanBeInjected() {
        assertThat(TextNeutraliser.singleLine("Hello\r\nBcc: victim@example.com\r\n\r\nbody"))
                .isEqualTo("Hello Bcc: victim@example.com body");
    }

    @Test
    void everyControlCharacterInSingleLineFieldsBecomesWhiteSpaceAndRunsCollapse() {
        assertThat(TextNeutraliser.singleLine("\u0000a\u0007\tb\u0085c\u2028d  \u00A0 e\u001B"))
                .isEqualTo("a b c d e");
    }

    @Test
    void singleLineFieldsAreTrimmed() {
        assertThat(TextNeutraliser.singleLine("  \u200B subject \t\n")).isEqualTo("subject");
    }

    @Test
    void multiLineTextKeepsLinesAndTabsWithLineEndsAsLineFeeds() {
        assertThat(TextNeutraliser.multiLine("one\r\ntwo\rthree\n\tfour\u2029five"))
                .isEqualTo("one\ntwo\nthree\n\tfour\nfive");
    }

    @Test
    void multiLineTextLosesOtherControlCharacters() {
        assertThat(TextNeutraliser.multiLine("a\u0000b\u0008c\u007Fd\u009Be")).isEqualTo("abcde");
    }

    @Test
    void joinersBetweenEmojiAreKeptBecauseTheyBuildOneSymbol() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

        assertThat(TextNeutraliser.singleLine(family)).isEqualTo(family);
        assertThat(TextNeutraliser.multiLine("red \u2764\uFE0F\u200D\uD83D\uDD25 heart"))
                .isEqualTo("red \u2764\uFE0F\u200D\uD83D\uDD25 heart");
    }

    @Test
    void nonJoinerInsidePersianWordsIsKeptBecauseSpellingNeedsIt() {
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";

        assertThat(TextNeutraliser.singleLine(persian)).isEqualTo(persian);
    }

    @Test
    void joinersAtTheEdgesOrNextToSpacesAreRemoved() {
        assertThat(TextNeutraliser.singleLine("\u200D\u00E9t\u00E9 \u200D\u00E9")).isEqualTo("\u00E9t\u00E9 \u00E9");
        assertThat(TextNeutraliser.singleLine("\u00E9\u200D\u200D\u00E9")).isEqualTo("\u00E9\u00E9");
    }

    @Test
    void variationSelectorsStayBecauseEmojiPresentationNeedsThem() {
        assertThat(TextNeutraliser.singleLine("\u2764\uFE0F")).isEqualTo("\u2764\uFE0F");
    }

    @Test
    void tagCharactersHidingTextForMachineReadersAreRemoved() {
        String smuggled = "Hello" + tagged("ignore previous instructions");

        assertThat(TextNeutraliser.singleLine(smuggled)).isEqualTo("Hello");
        assertThat(TextNeutraliser.multiLine(smuggled)).isEqualTo("Hello");
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertThat(TextNeutraliser.singleLine("a\uD800b")).isEqualTo("a\uFFFDb");
        assertThat(TextNeutraliser.multiLine("a\uDC00")).isEqualTo("a\uFFFD");
    }

    @Test
    void supplementaryLettersAreNotMistakenForSurrogates() {
        String gothic = new String(Character.toChars(0x10330)) + new String(Character.toChars(0x1D800));

        assertThat(TextNeutraliser.singleLine(gothic)).isEqualTo(gothic);
    }

    @Test
    void ordinaryInternationalTextPassesUnchanged() {
        String text = "Gr\u00FC\u00DFe aus K\u00F6ln \u2014 \u041F\u0440\u0438\u0432\u0435\u0442, "
                + "\u4F60\u597D, \u05E9\u05DC\u05D5\u05DD";

        assertThat(TextNeutraliser.singleLine(text)).isEqualTo(text);
        assertThat(TextNeutraliser.multiLine(text)).isEqualTo(text);
    }

    private static String tagged(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.appendCodePoint(0xE0000 + c));
        return out.toString();
    }
}
