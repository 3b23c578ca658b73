package com.qmailing.app.api;

import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonConventionsTest extends IntegrationTest {

    @Test
    void timestampsAreIsoStringsInUtc() {
        Api.Response mailboxes = operator().get("/api/v1/pub/mailboxes").expect(200);
        assertThat(mailboxes.json().get(0).get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void requestsAcceptSnakeCaseKeys() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Response created = owner.post("/api/v1/pub/mailboxes",
                Map.of("local_part", "snake", "display_name", "Snake Case")).expect(201);
        assertThat(created.json().get("localPart").asText()).isEqualTo("snake");
        assertThat(created.json().get("displayName").asText()).isEqualTo("Snake Case");
    }

    @Test
    void unknownFieldsAreRefusedWithTheirName() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Response refused = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "x", "colour", "blue"))
                .expect(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("ValidationFailed");
        assertThat(refused.json().get("detail").asText()).isEqualTo("colour: unknown field");
        assertThat(owner.get("/api/v1/pub/mailboxes").json()).isEmpty();
    }

    @Test
    void wrongTypesAreRefusedNotCoerced() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Response refused = owner.post("/api/v1/pub/mailboxes", "{\"localPart\":123}").expect(400);
        assertThat(refused.json().get("detail").asText()).isEqualTo("localPart: wrong type");
    }
}
