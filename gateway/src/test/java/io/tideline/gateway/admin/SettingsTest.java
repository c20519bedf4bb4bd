package io.tideline.gateway.admin;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.config.SettingChanged;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Runtime settings through the gateway, against the real database and broker: a change is stored, audited and
 * broadcast on the config topic in one transaction, and read back by the gateway's own settings reader (the health
 * aggregate's timeout). Only {@code gateway.health.timeout-ms} is changed, and put back: the broker outlives the run
 * and the other modules' tests follow the same config topic.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SettingsTest {

    private static final String KEY = "gateway.health.timeout-ms";
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aChangeIsStoredAuditedAndBroadcastToTheServicesThatReadIt() {
        int value = 1000 + ThreadLocalRandom.current().nextInt(2000);
        long before = latestAuditId();
        try {
            given().contentType("application/json").body(Map.of("value", value)).put("/api/v1/admin/settings/" + KEY)
                    .then().statusCode(200).body("value", equalTo(Integer.toString(value))).body("set", equalTo(true))
                    .body("changedBy", equalTo("test-admin"));
            given().get("/api/v1/admin/settings").then().statusCode(200)
                    .body("find { it.key == '" + KEY + "' }.value", equalTo(Integer.toString(value)))
                    .body("find { it.key == 'alerting.delivery.paused' }.value", equalTo("false"))
                    .body("find { it.key == 'alerting.delivery.paused' }.set", equalTo(false));

            // the broadcast: on the config topic, and read by the gateway's own settings reader
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
                List<SettingChanged> changes = kafka.read("config", r -> KEY.equals(r.key()), 1000,
                        Duration.ofSeconds(5)).stream().map(r -> (SettingChanged) CODEC.decode(r.value()).payload())
                        .toList();
                assertThat(changes).anySatisfy(c -> {
                    assertThat(c.value()).isEqualTo(Integer.toString(value));
                    assertThat(c.changedBy()).isEqualTo("test-admin");
                });
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/v1/admin/health").jsonPath()
                    .getLong("timeoutMs") == value);

            // setting the value in force again changes nothing
            given().contentType("application/json").body(Map.of("value", Integer.toString(value)))
                    .put("/api/v1/admin/settings/" + KEY).then().statusCode(200);
            List<Map<String, Object>> audit = given().queryParam("key", KEY).get("/api/v1/admin/settings/audit")
                    .then().statusCode(200).extract().jsonPath().getList("entries");
            assertThat(audit.stream().filter(e -> ((Number) e.get("id")).longValue() > before)).hasSize(1)
                    .first().satisfies(e -> {
                        assertThat(e.get("oldValue")).isNull();
                        assertThat(e.get("newValue")).isEqualTo(Integer.toString(value));
                        assertThat(e.get("changedBy")).isEqualTo("test-admin");
                        assertThat(e.get("changedAt")).isNotNull();
                    });
        } finally {
            given().delete("/api/v1/admin/settings/" + KEY).then().statusCode(200)
                    .body("value", equalTo("2000")).body("set", equalTo(false));
        }
        given().queryParam("key", KEY).queryParam("limit", 1).get("/api/v1/admin/settings/audit").then()
                .body("entries[0].oldValue", equalTo(Integer.toString(value)))
                .body("entries[0].newValue", equalTo(null));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/v1/admin/health").jsonPath()
                .getLong("timeoutMs") == 2000);
    }

    @Test
    void anUnknownKeyOrABadValueIs400NamingTheFieldAndChangesNothing() {
        long before = latestAuditId();
        given().contentType("application/json").body(Map.of("value", true)).put("/api/v1/admin/settings/no.such")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("key"));
        for (Object bad : new Object[] {"soon", 50, 10_001, 1500.5, List.of(1), Map.of()}) {
            given().contentType("application/json").body(Map.of("value", bad)).put("/api/v1/admin/settings/" + KEY)
                    .then().statusCode(400).body("errors.field", hasItem("value"));
        }
        given().contentType("application/json").body("{}").put("/api/v1/admin/settings/" + KEY)
                .then().statusCode(400).body("errors.field", hasItem("value"));
        given().contentType("application/json").body(Map.of("value", "maybe"))
                .put("/api/v1/admin/settings/alerting.delivery.paused").then().statusCode(400)
                .body("errors.field", hasItem("value"));
        assertThat(latestAuditId()).isEqualTo(before);
        given().get("/api/v1/admin/settings").then()
                .body("find { it.key == '" + KEY + "' }.set", equalTo(false));
    }

    @Test
    void theAuditIsPagedNewestFirst() {
        try {
            for (int v : new int[] {1100, 1200, 1300}) {
                given().contentType("application/json").body(Map.of("value", v)).put("/api/v1/admin/settings/" + KEY)
                        .then().statusCode(200);
            }
            var first = given().queryParam("key", KEY).queryParam("limit", 2).get("/api/v1/admin/settings/audit")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(first.getList("entries.newValue", String.class)).containsExactly("1300", "1200");
            long next = first.getLong("nextBefore");
            var second = given().queryParam("key", KEY).queryParam("limit", 2).queryParam("before", next)
                    .get("/api/v1/admin/settings/audit").then().statusCode(200).extract().jsonPath();
            assertThat(second.getList("entries.newValue", String.class).get(0)).isEqualTo("1100");
            assertThat(second.getList("entries.oldValue", String.class).get(0)).isNotEqualTo("1100");
        } finally {
            given().delete("/api/v1/admin/settings/" + KEY).then().statusCode(200);
        }
        given().queryParam("limit", 0).get("/api/v1/admin/settings/audit").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void onlyAdminsSeeOrChangeSettings() {
        given().header("Authorization", TestTokens.bearer("trader")).contentType("application/json")
                .body(Map.of("value", 1500)).put("/api/v1/admin/settings/" + KEY).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("viewer")).get("/api/v1/admin/settings/audit")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.NONE).get("/api/v1/admin/settings").then().statusCode(401);
    }

    private static long latestAuditId() {
        List<Long> ids = given().queryParam("limit", 1).get("/api/v1/admin/settings/audit").then().statusCode(200)
                .extract().jsonPath().getList("entries.id", Long.class);
        return ids.isEmpty() ? 0 : ids.get(0);
    }
}
