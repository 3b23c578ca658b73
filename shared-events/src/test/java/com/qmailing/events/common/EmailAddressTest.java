package com.qmailing.events.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailAddressTest {

    @Test
    void nonAsciiLettersThatLowerCaseToAsciiAreRefused() {
        // U+212A KELVIN SIGN lower-cases to an ASCII 'k'.
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse("alice@\u212Aample.com"));
    }

    @Test
    void parseSplitsAtTheLastAtSignAndLowerCasesOnlyTheDomain() {
        EmailAddress address = EmailAddress.parse("Alice.Liddell@Wonder.Example.COM");

        assertThat(address.localPart()).isEqualTo("Alice.Liddell");
        assertThat(address.domain()).isEqualTo("wonder.example.com");
        assertThat(address).hasToString("Alice.Liddell@wonder.example.com");
    }

    @Test
    void theConstructorLowerCasesTheDomainToo() {
        assertThat(new EmailAddress("bob", "Example.ORG")).isEqualTo(EmailAddress.parse("bob@example.org"));
    }

    @Test
    void normalizedLowerCasesTheLocalPart() {
        assertThat(EmailAddress.parse("Alice+News@Example.com").normalized()).hasToString("alice+news@example.com");
    }

    @Test
    void addressesDifferingOnlyInCaseAreEqualOnceNormalized() {
        assertThat(EmailAddress.parse("ALICE@example.com")).isNotEqualTo(EmailAddress.parse("alice@example.com"));
        assertThat(EmailAddress.parse("ALICE@example.com").normalized())
                .isEqualTo(EmailAddress.parse("alice@EXAMPLE.com").normalized());
    }

    @Test
    void withoutTagDropsEverythingFromTheFirstPlus() {
        assertThat(EmailAddress.parse("alice+news@example.com").withoutTag()).hasToString("alice@example.com");
        assertThat(EmailAddress.parse("alice+news+daily@example.com").withoutTag()).hasToString("alice@example.com");
    }

    @Test
    void withoutTagLeavesAnUntaggedAddressAsItIs() {
        EmailAddress address = EmailAddress.parse("Alice@example.com");

        assertThat(address.withoutTag()).isSameAs(address);
    }

    @Test
    void aLocalPartStartingWithPlusIsNotATag() {
        assertThat(EmailAddress.parse("+news@example.com").withoutTag()).hasToString("+news@example.com");
    }

    @Test
    void punycodeDomainsAreAccepted() {
        assertThat(EmailAddress.parse("info@xn--mnchen-3ya.de").domain()).isEqualTo("xn--mnchen-3ya.de");
    }

    @Test
    void theLongestLocalPartAndDomainAreAccepted() {
        String localPart = "l".repeat(64);
        String domain = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));

        assertThat(domain).hasSize(253);
        assertThat(EmailAddress.parse(localPart + "@" + domain)).hasToString(localPart + "@" + domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0430lice@example.com",          // Cyrillic small a
            "alice@ex\u0430mple.com",          // Cyrillic small a in the domain
            "ali\u200Bce@example.com",         // zero-width space
            "alice@exa\u200Bmple.com",
            "alice\u202E@example.com",         // right-to-left override
            "alice@\u202Eexample.com",
            "alice\uFF20example.com",          // fullwidth commercial at, and so no '@' at all
            "alic\u00E9@example.com",          // Latin small e with acute
            "alice@m\u00FCnchen.de",           // an IDN not in punycode
    })
    void nonAsciiLookAlikesAreRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"@", "@example.com", "alice@", "alice", "alice@@example.com", "alice@localhost",
            "alice@example..com", "alice@.example.com", "alice@example.com.", "alice@-example.com",
            "alice@example-.com", "alice@exa_mple.com", ".alice@example.com", "alice.@example.com",
            "al..ice@example.com", "al ice@example.com", "\"alice\"@example.com", "alice@[127.0.0.1]",
            " alice@example.com", "alice@example.com ", "alice@example.com\n"})
    void malformedAddressesAreRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(text));
    }

    @Test
    void aLocalPartOfMoreThan64CharactersIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse("l".repeat(65) + "@example.com"));
    }

    @Test
    void aDomainLabelOfMoreThan63CharactersIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmailAddress.parse("alice@" + "a".repeat(64) + ".com"));
    }

    @Test
    void anAddressOfMoreThan320CharactersIsRejected() {
        String text = "alice@" + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63)
                + "." + "e".repeat(60) + ".com";

        assertThat(text.length()).isGreaterThan(EmailAddress.MAX_LENGTH);
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(text));
    }

    @Test
    void theConstructorRejectsMissingParts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(null, "example.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("alice", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("", "example.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("alice", ""));
    }
}
