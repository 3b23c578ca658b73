package com.qmailing.events.common;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The same contract for every typed id: the canonical UUID text in, the bare lowercase UUID out. */
class TypedIdsTest {

    private static final String CANONICAL = "123e4567-e89b-42d3-a456-426614174000";

    /** An id type as its two ways in: from text and from a UUID. */
    record IdType(Function<String, Object> parse, Function<UUID, Object> wrap) {
    }

    static Stream<Named<IdType>> idTypes() {
        return Stream.of(
                Named.of("AccountId", new IdType(AccountId::parse, AccountId::new)),
                Named.of("MailboxId", new IdType(MailboxId::parse, MailboxId::new)),
                Named.of("ApiTokenId", new IdType(ApiTokenId::parse, ApiTokenId::new)),
                Named.of("DomainId", new IdType(DomainId::parse, DomainId::new)),
                Named.of("WebhookEndpointId", new IdType(WebhookEndpointId::parse, WebhookEndpointId::new)),
                Named.of("ExportId", new IdType(ExportId::parse, ExportId::new)));
    }

    static Stream<Arguments> idTypesAndNonCanonicalTexts() {
        return idTypes().flatMap(type -> Stream.of(
                        "1-1-1-1-1",
                        "123e4567-e89b-42d3-a456-42661417400",
                        "123e4567-e89b-42d3-a456-4266141740000",
                        "123e4567e89b42d3a456426614174000",
                        "{123e4567-e89b-42d3-a456-426614174000}",
                        "urn:uuid:123e4567-e89b-42d3-a456-426614174000",
                        " 123e4567-e89b-42d3-a456-426614174000",
                        "123e4567-e89b-42d3-a456-426614174000\n",
                        "123e4567-e89b-42d3-a456-42661417400g",
                        "123e4567_e89b_42d3_a456_426614174000",
                        "",
                        "alice@example.com")
                .map(text -> Arguments.of(type, text)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void toStringIsTheBareLowercaseUuid(IdType type) {
        assertThat(type.parse().apply(CANONICAL)).hasToString(CANONICAL);
        assertThat(type.wrap().apply(UUID.fromString(CANONICAL))).hasToString(CANONICAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void parseAcceptsUpperCaseAndPrintsItLowerCase(IdType type) {
        Object id = type.parse().apply(CANONICAL.toUpperCase());

        assertThat(id).hasToString(CANONICAL).isEqualTo(type.parse().apply(CANONICAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void parseAndToStringRoundTrip(IdType type) {
        Object id = type.wrap().apply(UUID.randomUUID());

        assertThat(type.parse().apply(id.toString())).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} refuses \"{1}\"")
    @MethodSource("idTypesAndNonCanonicalTexts")
    void parseRefusesAnythingButTheCanonicalForm(IdType type, String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> type.parse().apply(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void parseRefusesNull(IdType type) {
        assertThatIllegalArgumentException().isThrownBy(() -> type.parse().apply(null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void anIdAlwaysHasAValue(IdType type) {
        assertThatNullPointerException().isThrownBy(() -> type.wrap().apply(null));
    }
}
