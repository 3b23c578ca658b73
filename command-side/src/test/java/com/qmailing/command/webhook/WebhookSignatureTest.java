package com.qmailing.command.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    /**
     * Pinned with {@code printf '%s' '1764061200.{"id":"e1","type":"email.received"}'
     * | openssl dgst -sha256 -hmac 'whsec_TestSecret0123456789abcdefghijkl'}, the recipe of docs/webhooks.md.
     */
    @Test
    void theSignatureIsTheHexHmacOfTimeDotBodyKeyedWithTheSecretText() {
        byte[] body = "{\"id\":\"e1\",\"type\":\"email.received\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.header("whsec_TestSecret0123456789abcdefghijkl", 1764061200L, body))
                .isEqualTo("t=1764061200,v1=37e274b746b921517021e4d122bb95001f2c4a6df4cb09ccc32b367c7adc8248");
    }

    @Test
    void secretsAreWhsecAndThirtyTwoLettersOrDigitsAndNeverTheSame() {
        var first = SigningSecrets.generate();
        var second = SigningSecrets.generate();

        assertThat(first.plaintext()).matches("whsec_[A-Za-z0-9]{32}");
        assertThat(first.plaintext()).isNotEqualTo(second.plaintext());
        assertThat(first.displayPrefix()).isEqualTo(first.plaintext().substring(0, 10));
        assertThat(first.toString()).doesNotContain(first.plaintext().substring(6));
    }
}
