package com.qmailing.command.blob;

import com.qmailing.events.common.AccountId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BlobKeyTest {

    private static final AccountId ACCOUNT = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final UUID EMAIL = UUID.fromString("0f8e7d6c-5b4a-4938-8271-605f4e3d2c1b");

    @Test
    void anEmailKeyIsTheAccountThenTheEmail() {
        assertThat(BlobKey.email(ACCOUNT, EMAIL).value())
                .isEqualTo("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d/0f8e7d6c-5b4a-4938-8271-605f4e3d2c1b");
    }

    @Test
    void theAccountPrefixIsTheBareAccountId() {
        assertThat(BlobKey.accountPrefix(ACCOUNT).value()).isEqualTo("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    }

    @Test
    void anEmailKeyIsBelowItsAccountPrefix() {
        assertThat(BlobKey.email(ACCOUNT, EMAIL).value()).startsWith(BlobKey.accountPrefix(ACCOUNT).value() + "/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b", "0-9/x-y/z", "5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d/0f8e7d6c"})
    void lowercaseSegmentsSeparatedBySlashesAreKeys(String value) {
        assertThat(BlobKey.of(value).toString()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "..", "../a", "a/..", "a/../b", "./a", "a/./b", "/a", "a/", "a//b",
            "A", "a/B", "a\\b", "..\\a", "a b", "a.b", "a/b.blob", ".tmp", "a%2f..", "a\u0000b", "c:", "~/a",
            "\u00e4", "a\nb"})
    void anythingElseIsRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> BlobKey.of(value));
    }

    @Test
    void overlongKeysAreRefused() {
        assertThat(BlobKey.of("a".repeat(1024)).value()).hasSize(1024);
        assertThatIllegalArgumentException().isThrownBy(() -> BlobKey.of("a".repeat(1025)));
    }
}
