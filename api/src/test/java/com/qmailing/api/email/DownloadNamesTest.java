package com.qmailing.api.email;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md's attachment download header: ASCII fallback with {@code _}, RFC 5987 form, {@code download} when nameless. */
class DownloadNamesTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aNamelessAttachmentDownloadsAsDownload(String filename) {
        assertThat(DownloadNames.contentDisposition(filename))
                .isEqualTo("attachment; filename=\"download\"; filename*=UTF-8''download");
    }

    @Test
    void nonAsciiBecomesUnderscoreInTheFallbackAndPercentEncodedInTheUtf8Form() {
        assertThat(DownloadNames.contentDisposition("Grüße 2026.pdf"))
                .isEqualTo("attachment; filename=\"Gr__e 2026.pdf\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%202026.pdf");
    }

    @Test
    void quotesBackslashesAndControlsCannotBreakOutOfTheHeader() {
        assertThat(DownloadNames.contentDisposition("a\"b\\c\r\nX-Evil: 1.txt"))
                .isEqualTo("attachment; filename=\"a_b_c__X-Evil: 1.txt\"; "
                        + "filename*=UTF-8''a%22b%5Cc%0D%0AX-Evil%3A%201.txt");
    }
}
