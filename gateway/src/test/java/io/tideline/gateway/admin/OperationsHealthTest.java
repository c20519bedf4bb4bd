package io.tideline.gateway.admin;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health aggregate against the real broker and database, with stand-in services (ready) and analytics down.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OperationsHealthTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void namesTheServiceThatIsDownAndReportsTheOthers() {
        JsonPath report = given().header("Authorization", TestTokens.bearer("viewer")).get("/api/v1/admin/health")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("status")).isEqualTo("DEGRADED");
        assertThat(report.getString("services.find { it.name == '" + GatewayTestResources.DOWN + "' }.status"))
                .isEqualTo("DOWN");
        assertThat(report.getString("services.find { it.name == '" + GatewayTestResources.DOWN + "' }.reason"))
                .startsWith("no answer");
        for (String up : List.of("lp-tracker", "perp-hedger", "pnl-ingest", "settlement", "alerting")) {
            assertThat(report.getString("services.find { it.name == '" + up + "' }.status")).as(up).isEqualTo("UP");
        }
        assertThat(report.getString("services.find { it.name == 'gateway' }.status")).isEqualTo("UP");
        assertThat(report.getLong("services.find { it.name == 'gateway' }.outboxBacklog")).isNotNegative();
        assertThat(report.getString("kafka.status")).isEqualTo("UP");
        assertThat(report.getList("kafka.deadLetters.topic", String.class))
                .contains("lp.positions.dlq", "alerts.dlq", "config.dlq");
    }

    @Test
    void consumerLagIsEndMinusCommittedPerGroupAndDeadLettersAreCounted() {
        String group = "alerting.health-test-" + UUID.randomUUID();
        String topic = "config.dlq";
        long depthBefore = depth(report(), topic);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            for (int i = 0; i < 3; i++) {
                kafka.send(topic, "test.health-" + i, "letter".getBytes(StandardCharsets.UTF_8));
            }
        }
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            consumer.assign(List.of(tp));
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(end - 3)));
        }
        JsonPath report = report();
        assertThat(report.getLong("kafka.consumerLag.find { it.group == '" + group + "' }.lag")).isEqualTo(3);
        assertThat(report.getLong("kafka.consumerLag.find { it.group == '" + group + "' }.byTopic.'config.dlq'"))
                .isEqualTo(3);
        assertThat(depth(report, topic)).isGreaterThanOrEqualTo(depthBefore + 3);
        assertThat(report.getList("kafka.consumerLag.group", String.class))
                .as("only the platform's groups").allMatch(g -> !g.startsWith("test-reader-"));
    }

    @Test
    void anyoneSignedInMayReadItNoOneElse() {
        given().header("Authorization", TestTokens.NONE).get("/api/v1/admin/health").then().statusCode(401);
    }

    private static JsonPath report() {
        return given().get("/api/v1/admin/health").then().statusCode(200).extract().jsonPath();
    }

    private static long depth(JsonPath report, String topic) {
        return report.getLong("kafka.deadLetters.find { it.topic == '" + topic + "' }.depth");
    }
}
