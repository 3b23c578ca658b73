package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @Test
    void namesAreDecodedAndAddressesKeepTheirCase() {
        assertThat(Addresses.parse("=?ISO-8859-15?Q?J=F6rn?= Reder <Joern@Zyn.DE>, plain@example.com"))
                .containsExactly(new MessageAddress("Joern@Zyn.DE", "J\u00F6rn Reder"),
                        new MessageAddress("plain@example.com", null));
    }

    @Test
    void quotedNamesMayHoldCommasAndAngleBrackets() {
        assertThat(Addresses.parse("\"Doe, Jane <boss>\" <jane@example.com>"))
                .containsExactly(new MessageAddress("jane@example.com", "Doe, Jane <boss>"));
    }

    @Test
    void anEncodedWordCannotSmuggleASecondAddressOrChangeTheRealOne() {
        assertThat(Addresses.parse("=?utf-8?Q?Bank_=3Csupport=40bank.example=3E=2C_x?= <attacker@evil.example>"))
                .containsExactly(new MessageAddress("attacker@evil.example", "Bank <support@bank.example>, x"));
    }

    @Test
    void lineBreaksAndBidiControlsInDecodedNamesAreNeutralised() {
        assertThat(Addresses.parse("=?utf-8?Q?Eve=0D=0ABcc=3A_all=E2=80=AE?= <eve@example.com>"))
                .containsExactly(new MessageAddress("eve@example.com", "Eve Bcc: all"));
    }

    @Test
    void rawUtf8NamesAreRead() {
        assertThat(Addresses.parse("Zo\u00EB \u6771\u4EAC <zoe@example.com>"))
                .containsExactly(new MessageAddress("zoe@example.com", "Zo\u00EB \u6771\u4EAC"));
    }

    @Test
    void groupsAreFlattenedAndEmptyGroupsVanish() {
        assertThat(Addresses.parse("Team: a@example.com, B <b@example.com>;, undisclosed-recipients:;"))
                .containsExactly(new MessageAddress("a@example.com", null), new MessageAddress("b@example.com", "B"));
    }

    @Test
    void theOldCommentFormGivesTheName() {
        assertThat(Addresses.parse("s.rahtz@elsevier.co.uk (Sebastian Rahtz)"))
                .containsExactly(new MessageAddress("s.rahtz@elsevier.co.uk", "Sebastian Rahtz"));
    }

    @Test
    void absentBlankAndGarbageHeadersGiveWhatCanBeRead() {
        assertThat(Addresses.parse(null)).isEmpty();
        assertThat(Addresses.parse("  ")).isEmpty();
        assertThat(Addresses.parse(",,,<>,")).isEmpty();
        assertThat(Addresses.parse("user2")).containsExactly(new MessageAddress("user2", null));
    }
}
