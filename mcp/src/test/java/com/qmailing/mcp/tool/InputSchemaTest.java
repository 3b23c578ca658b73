package com.qmailing.mcp.tool;

import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputSchemaTest {

    /** The shape send_email will need: strings, numbers, arrays of strings, arrays of closed objects. */
    private static final InputSchema SCHEMA = InputSchema.of(
            Property.string("mailboxId", "Sender.").required(),
            Property.array("to", "Recipients.", Property.string(null, null).with("format", "email"))
                    .required().with("minItems", 1),
            Property.number("limit", null).with("minimum", 1),
            Property.bool("urgent", null),
            Property.array("attachments", null, Property.object(null, null, InputSchema.of(
                    Property.string("filename", null).required(),
                    Property.string("base64", null).required()))));

    @Test
    void rendersAClosedObjectSchemaWithRequiredFieldsNestedItemsAndKeywords() {
        assertThat(SCHEMA.toJson()).isEqualTo(Map.of(
                "type", "object",
                "properties", Map.of(
                        "mailboxId", Map.of("type", "string", "description", "Sender."),
                        "to", Map.of("type", "array", "description", "Recipients.", "minItems", 1,
                                "items", Map.of("type", "string", "format", "email")),
                        "limit", Map.of("type", "number", "minimum", 1),
                        "urgent", Map.of("type", "boolean"),
                        "attachments", Map.of("type", "array", "items", Map.of("type", "object",
                                "properties", Map.of("filename", Map.of("type", "string"),
                                        "base64", Map.of("type", "string")),
                                "required", List.of("filename", "base64"), "additionalProperties", false))),
                "required", List.of("mailboxId", "to"),
                "additionalProperties", false));
        assertThat(InputSchema.none().toJson()).isEqualTo(Map.of("type", "object", "properties", Map.of(),
                "additionalProperties", false));
    }

    @Test
    void readsWellTypedArgumentsAndTreatsNullAsAbsent() {
        Map<String, Object> call = new HashMap<>();
        call.put("mailboxId", "m");
        call.put("to", List.of("a@example.org", "b@example.org"));
        call.put("limit", 3.0);
        call.put("urgent", null);
        call.put("attachments", List.of(Map.of("filename", "a.txt", "base64", "aGk=")));

        Arguments arguments = SCHEMA.read(call);

        assertThat(arguments.string("mailboxId")).isEqualTo("m");
        assertThat(arguments.strings("to")).containsExactly("a@example.org", "b@example.org");
        assertThat(arguments.number("limit")).isEqualTo(3);
        assertThat(arguments.bool("urgent")).isNull();
        assertThat(arguments.objects("attachments").get(0).string("filename")).isEqualTo("a.txt");
    }

    @Test
    void wholeNumbersBeyondTheIntRangeAreClampedSoTheServicesSeeThemOutOfRange() {
        assertThat(SCHEMA.read(Map.of("mailboxId", "m", "to", List.of("a"), "limit", 1e12)).number("limit"))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(SCHEMA.read(Map.of("mailboxId", "m", "to", List.of("a"), "limit", -5_000_000_000L))
                .number("limit")).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void refusesMalformedCallsNamingTheFieldInRestsWords() {
        assertRefused(Map.of("to", List.of("a")), "mailboxId: must not be null");
        assertRefused(Map.of("mailboxId", 1, "to", List.of("a")), "mailboxId: wrong type");
        assertRefused(Map.of("mailboxId", "m", "to", "a@example.org"), "to: wrong type");
        assertRefused(Map.of("mailboxId", "m", "to", List.of("a", 7)), "to[1]: wrong type");
        assertRefused(Map.of("mailboxId", "m", "to", List.of("a"), "limit", 2.5), "limit: wrong type");
        assertRefused(Map.of("mailboxId", "m", "to", List.of("a"), "limit", "2"), "limit: wrong type");
        assertRefused(Map.of("mailboxId", "m", "to", List.of("a"), "urgent", "yes"), "urgent: wrong type");
        assertRefused(Map.of("mailboxId", "m", "to", List.of("a"), "cc", List.of()), "cc: unknown field");
        assertRefused(Map.of("mailboxId", "m", "to", List.of("a"), "attachments", List.of(Map.of("filename", "x"))),
                "attachments[0].base64: must not be null");
        assertRefused(Map.of("mailboxId", "m", "to", List.of("a"), "attachments",
                List.of(Map.of("filename", "x", "base64", "", "size", 1))), "attachments[0].size: unknown field");
    }

    private static void assertRefused(Map<String, Object> call, String detail) {
        assertThatThrownBy(() -> SCHEMA.read(call)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(problem.detail()).isEqualTo(detail);
        });
    }
}
