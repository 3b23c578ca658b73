package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderSectionTest {

    @Test
    void aWellFormedMessageIsPassedOnUnchanged() throws IOException {
        String message = "Subject: x\r\n  folded\r\nTo: a@b\r\n\r\nbody\r\n";

        assertThat(opened(message)).isEqualTo(message);
    }

    @Test
    void theFirstLineThatIsNeitherFieldNorContinuationStartsTheBody() throws IOException {
        assertThat(opened("Subject: x\r\n \r\nThe body, no blank line before it\r\nmore\r\n"))
                .isEqualTo("Subject: x\r\n \r\n\r\nThe body, no blank line before it\r\nmore\r\n");
    }

    @Test
    void textWithoutAnyHeaderIsAllBody() throws IOException {
        assertThat(opened("Hello there,\nhow are you?\n")).isEqualTo("\r\nHello there,\nhow are you?\n");
    }

    @Test
    void anMboxFromLineIsLeftOut() throws IOException {
        assertThat(opened("From alice@example.com Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody\n"))
                .isEqualTo("Subject: x\n\nbody\n");
    }

    @Test
    void obsoleteBlanksBeforeTheColonStillMakeAField() throws IOException {
        assertThat(opened("Subject : x\r\n\r\nbody")).isEqualTo("Subject : x\r\n\r\nbody");
    }

    @Test
    void theParserSeesTheBodyOfAMessageWhoseBlankLineIsMissing() {
        ParsedMessage message = new MimeParser().parse(Eml.utf8("Subject: lost line\nDear Bob,\nthanks.\n"));

        assertThat(message.subject()).isEqualTo("lost line");
        assertThat(message.textBody()).isEqualTo("Dear Bob,\nthanks.\n");
    }

    private static String opened(String message) throws IOException {
        return new String(HeaderSection.open(message.getBytes(StandardCharsets.ISO_8859_1)).readAllBytes(),
                StandardCharsets.ISO_8859_1);
    }
}
