package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EncodedWordsTest {

    @Test
    void textWithoutEncodedWordsIsReturnedAsItIs() {
        assertThat(EncodedWords.decode("plain = text ?")).isEqualTo("plain = text ?");
        assertThat(EncodedWords.decode(null)).isNull();
    }

    @Test
    void qAndBWordsAreDecodedInTheirCharset() {
        assertThat(EncodedWords.decode("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=")).isEqualTo("Keld J\u00F8rn Simonsen");
        assertThat(EncodedWords.decode("=?koi8-r?B?89DJ08/LLmRvYw==?=")).isEqualTo("\u0421\u043F\u0438\u0441\u043E\u043A.doc");
    }

    @Test
    void whiteSpaceBetweenAdjacentWordsIsDroppedAndAroundPlainTextKept() {
        assertThat(EncodedWords.decode("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\n "
                + "=?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?="))
                .isEqualTo("If you can read this you understand the example.");
        assertThat(EncodedWords.decode("Re: =?utf-8?q?caf=C3=A9?= today")).isEqualTo("Re: caf\u00E9 today");
    }

    @Test
    void aMultiByteCharacterSplitAcrossTwoWordsIsJoinedBeforeDecoding() {
        // "€" is E2 82 AC; a careless encoder cut it after the first byte.
        assertThat(EncodedWords.decode("=?UTF-8?Q?price_=E2?= =?UTF-8?Q?=82=AC5?=")).isEqualTo("price \u20AC5");
        assertThat(EncodedWords.decode("=?utf-8?B?4oI=?==?utf-8?B?rA==?=")).isEqualTo("\u20AC");
    }

    @Test
    void wordsGluedToOtherTextAreDecodedToo() {
        assertThat(EncodedWords.decode("pre=?utf-8?Q?f=C3=BCr?=post")).isEqualTo("pref\u00FCrpost");
    }

    @Test
    void lowerCaseEncodingsUnpaddedBase64AndLanguageSuffixesAreAccepted() {
        assertThat(EncodedWords.decode("=?utf-8?b?SGVsbG8?=")).isEqualTo("Hello");
        assertThat(EncodedWords.decode("=?utf-8*en?q?Hi_there?=")).isEqualTo("Hi there");
    }

    @Test
    void anUnknownCharsetFallsBackToAGuessInsteadOfStayingEncoded() {
        assertThat(EncodedWords.decode("=?x-made-up?Q?Gr=C3=BC=C3=9Fe?=")).isEqualTo("Gr\u00FC\u00DFe");
        assertThat(EncodedWords.decode("=?x-made-up?Q?Gr=FC=DFe?=")).isEqualTo("Gr\u00FC\u00DFe");
    }

    @Test
    void malformedWordsStayLiteral() {
        assertThat(EncodedWords.decode("=?utf-8?X?abc?=")).isEqualTo("=?utf-8?X?abc?=");
        assertThat(EncodedWords.decode("=?utf-8?Q?no end")).isEqualTo("=?utf-8?Q?no end");
        assertThat(EncodedWords.decode("=??Q?empty charset?=")).isEqualTo("=??Q?empty charset?=");
        assertThat(EncodedWords.decode("a =?utf-8?Q?x?y?= b")).isEqualTo("a =?utf-8?Q?x?y?= b");
    }

    @Test
    void encodedLineBreaksAreDecodedForTheNeutraliserToDealWith() {
        assertThat(EncodedWords.decode("=?utf-8?Q?Hi=0D=0ABcc:_x@evil.example?=")).isEqualTo("Hi\r\nBcc: x@evil.example");
    }

    @Test
    void manyUnclosedWordStartsDecodeInLinearTime() {
        String hostile = "=?a?Q?".repeat(50_000) + "=?utf-8?Q?end?=";

        String decoded = EncodedWords.decode(hostile);

        assertThat(decoded.length()).isEqualTo(hostile.length() - "=?utf-8?Q??=".length());
        assertThat(decoded.substring(decoded.length() - 9)).isEqualTo("=?a?Q?end");
    }
}
