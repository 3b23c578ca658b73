package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "report.pdf|report.pdf",
            "/tmp/whoa|whoa",
            "../../etc/passwd|passwd",
            "C:\\Users\\me\\evil.dll|evil.dll",
            "  spaced   name .txt |spaced name .txt"})
    void onlyTheLastPathSegmentIsKept(String decoded, String expected) {
        assertThat(FileNames.clean(decoded)).isEqualTo(expected);
    }

    @Test
    void namesThatAreOnlyPathsOrBlanksAreNoNames() {
        assertThat(FileNames.clean(null)).isNull();
        assertThat(FileNames.clean("   ")).isNull();
        assertThat(FileNames.clean("dir/")).isNull();
        assertThat(FileNames.clean("..")).isNull();
        assertThat(FileNames.clean("a/.")).isNull();
    }

    @Test
    void controlAndDirectionCharactersAreNeutralisedBeforeThePathIsCut() {
        assertThat(FileNames.clean("a\r\n/b\u202Etxt.exe")).isEqualTo("btxt.exe");
    }

    @Test
    void anAttachedMessageIsNamedAfterItsSubjectWithSlashesReplaced() {
        assertThat(FileNames.forMessage("Re: 34Mbit/s Netz")).isEqualTo("Re: 34Mbit_s Netz.eml");
        assertThat(FileNames.forMessage(null)).isEqualTo("message.eml");
        assertThat(FileNames.forMessage(" ")).isEqualTo("message.eml");
    }
}
