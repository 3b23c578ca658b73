package com.qmailing.events.email;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MutedSenderTest {

    @Test
    void anAddressIsASenderRuleInLowerCase() {
        MutedSender sender = MutedSender.parse("  News@Shop.EXAMPLE ");

        assertThat(sender.pattern()).isEqualTo("news@shop.example");
        assertThat(sender.kind()).isEqualTo(MutedSender.Kind.SENDER);
    }

    @Test
    void aBareDomainIsADomainRule() {
        MutedSender domain = MutedSender.parse("Shop.Example");

        assertThat(domain.pattern()).isEqualTo("shop.example");
        assertThat(domain.kind()).isEqualTo(MutedSender.Kind.DOMAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "@shop.example", "news@", "shop..example", "shop example", "шоп.рф",
            "a@b@c", "-shop.example"})
    void anythingElseIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> MutedSender.parse(text));
    }
}
