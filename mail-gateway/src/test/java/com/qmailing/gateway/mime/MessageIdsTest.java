package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

    @Test
    void theIdIsKeptInItsAngleBracketFormTrimmed() {
        assertThat(MessageIds.first("  <abc.123@mail.example>  ")).isEqualTo("<abc.123@mail.example>");
    }

    @Test
    void referencesAreListedInOrder() {
        assertThat(MessageIds.all("<a@x>\r\n <b@x>\t<c@x>")).containsExactly("<a@x>", "<b@x>", "<c@x>");
    }

    @Test
    void proseAroundAnInReplyToIdIsIgnored() {
        assertThat(MessageIds.first("Your message of \"Mon, 1 Jan\" <orig@host.example> (comment)"))
                .isEqualTo("<orig@host.example>");
    }

    @Test
    void foldingWhiteSpaceInsideAnIdIsRemoved() {
        assertThat(MessageIds.first("<very.long.id@\r\n host.example>")).isEqualTo("<very.long.id@host.example>");
    }

    @Test
    void bareIdsWithoutBracketsAreBracketed() {
        assertThat(MessageIds.all("a@x, b@y junk")).containsExactly("<a@x>", "<b@y>");
    }

    @Test
    void garbageGivesNothing() {
        assertThat(MessageIds.first(null)).isNull();
        assertThat(MessageIds.first("no id here")).isNull();
        assertThat(MessageIds.first("<>")).isNull();
        assertThat(MessageIds.first("<" + "x".repeat(MessageIds.MAX_ID_LENGTH + 1) + ">")).isNull();
    }

    @Test
    void anUnclosedBracketDoesNotSwallowTheNextId() {
        assertThat(MessageIds.all("<broken <good@x>")).containsExactly("<good@x>");
    }

    @Test
    void controlAndInvisibleCharactersAreStripped() {
        assertThat(MessageIds.first("<a\u0000b\u200B@x>")).isEqualTo("<ab@x>");
    }
}
