package com.qmailing.events.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxLocalPartTest {

    @ParameterizedTest
    @CsvSource({
            "alice, alice",
            "Alice.Liddell, alice.liddell",
            "ALICE_2-b, alice_2-b",
            "a, a",
            "0, 0",
            "-alice-, -alice-",
            "_, _",
    })
    void allowedLocalPartsComeBackLowerCased(String localPart, String normalized) {
        assertThat(MailboxLocalPart.normalize(localPart)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".alice", "alice.", "al..ice", ".", "..", "alice+news", "al ice", "alice@example",
            "al/ice", "al'ice", "\u0430lice", "ali\u200Bce", "alic\u00E9", "alice\n"})
    void localPartsBreakingTheRuleAreRefusedWithNull(String localPart) {
        assertThat(MailboxLocalPart.normalize(localPart)).isNull();
    }

    @Test
    void sixtyFourCharactersAreAcceptedAndSixtyFiveAreNot() {
        assertThat(MailboxLocalPart.normalize("A".repeat(64))).isEqualTo("a".repeat(64));
        assertThat(MailboxLocalPart.normalize("a".repeat(65))).isNull();
    }

    @Test
    void theInstanceReservesPostmasterAndAbuse() {
        assertThat(MailboxLocalPart.RESERVED).containsExactlyInAnyOrder("postmaster", "abuse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postmaster", "PostMaster", "ABUSE", "Abuse"})
    void reservedLocalPartsAreFoundInAnyCaseOnceNormalized(String localPart) {
        assertThat(MailboxLocalPart.RESERVED).contains(MailboxLocalPart.normalize(localPart));
    }

    @Test
    void normalizingDoesNotItselfRefuseReservedLocalParts() {
        // Reserved only on the primary domain: that check belongs to the caller, which knows the domain.
        assertThat(MailboxLocalPart.normalize("Postmaster")).isEqualTo("postmaster");
    }
}
