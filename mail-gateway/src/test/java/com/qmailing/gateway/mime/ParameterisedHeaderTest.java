package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterisedHeaderTest {

    @Test
    void valueIsLowerCasedAndParametersAreKeyedByLowerCaseName() {
        ParameterisedHeader header = ParameterisedHeader.parse("TEXT/Plain; CharSet=\"UTF-8\"; Name=a.txt");

        assertThat(header.value()).isEqualTo("text/plain");
        assertThat(header.parameter("charset")).isEqualTo("UTF-8");
        assertThat(header.parameter("name")).isEqualTo("a.txt");
    }

    @Test
    void quotedValuesKeepSemicolonsAndEscapes() {
        ParameterisedHeader header = ParameterisedHeader.parse("attachment; filename=\"a;b \\\"c\\\".txt\"; size=3");

        assertThat(header.parameter("filename")).isEqualTo("a;b \"c\".txt");
        assertThat(header.parameter("size")).isEqualTo("3");
    }

    @Test
    void rfc2231ExtendedValueIsPercentDecodedInItsCharset() {
        assertThat(ParameterisedHeader.parse("attachment; filename*=ISO-8859-1''attachment.%E4%F6%FC").parameter("filename"))
                .isEqualTo("attachment.\u00E4\u00F6\u00FC");
        assertThat(ParameterisedHeader.parse("attachment; filename*=UTF-8'de'%E2%82%AC+1.txt").parameter("filename"))
                .isEqualTo("\u20AC+1.txt");
    }

    @Test
    void rfc2231ContinuationsAreJoinedInNumberOrderNotArrivalOrder() {
        String header = "attachment; filename*1*=%20report.pdf; filename*0*=utf-8''Quarterly%C3%A9";

        assertThat(ParameterisedHeader.parse(header).parameter("filename")).isEqualTo("Quarterly\u00E9 report.pdf");
    }

    @Test
    void plainContinuationSegmentsAreTakenLiterally() {
        String header = "attachment; filename*0*=utf-8''%C3%A9t%C3%A9; filename*1=\"_100%25.txt\"";

        assertThat(ParameterisedHeader.parse(header).parameter("filename")).isEqualTo("\u00E9t\u00E9_100%25.txt");
    }

    @Test
    void anEncodedWordSplitOverPlainContinuationsIsDecoded() {
        String header = "attachment; filename*0=\"=?UTF-8?Q?R=C3=A9\"; filename*1=\"sum=C3=A9.pdf?=\"";

        assertThat(ParameterisedHeader.parse(header).parameter("filename")).isEqualTo("R\u00E9sum\u00E9.pdf");
    }

    @Test
    void extendedValueWinsOverThePlainFallback() {
        String header = "attachment; filename=\"fallback.txt\"; filename*=UTF-8''%E2%9C%93.txt";

        assertThat(ParameterisedHeader.parse(header).parameter("filename")).isEqualTo("\u2713.txt");
    }

    @Test
    void plainValuesWithEncodedWordsAreDecodedQuotedOrNot() {
        assertThat(ParameterisedHeader.parse("text/plain; name==?koi8-r?B?89DJ08/LLmRvYw==?=").parameter("name"))
                .isEqualTo("\u0421\u043F\u0438\u0441\u043E\u043A.doc");
        assertThat(ParameterisedHeader.parse("text/plain; name=\"=?UTF-8?B?YXR0YWNobWVudC7DpMO2w7w=?=\"").parameter("name"))
                .isEqualTo("attachment.\u00E4\u00F6\u00FC");
    }

    @Test
    void anExtendedValueWithoutCharsetIsGuessed() {
        assertThat(ParameterisedHeader.parse("attachment; filename*=caf%C3%A9.txt").parameter("filename"))
                .isEqualTo("caf\u00E9.txt");
    }

    @Test
    void garbageGivesAnEmptyOrPartialResultRatherThanAnError() {
        assertThat(ParameterisedHeader.parse(null).value()).isEmpty();
        assertThat(ParameterisedHeader.parse(";;;=;=\"").parameters()).isEmpty();
        assertThat(ParameterisedHeader.parse("multipart/alternative ; ; ; ;; boundary=\"foo\"").parameter("boundary"))
                .isEqualTo("foo");
        assertThat(ParameterisedHeader.parse("attachment; filename*99999*=x; filename*=%zz").parameter("filename"))
                .isEqualTo("%zz");
    }
}
