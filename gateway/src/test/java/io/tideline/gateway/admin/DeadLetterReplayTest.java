package io.tideline.gateway.admin;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.config.SettingChanged;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.messaging.kafka.Headers;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * DLQ browse and replay against the real broker and database. The letters are put on {@code config.dlq}, so a replay
 * lands on {@code config}, which only the settings readers consume, and they ignore a test's key: other modules'
 * tests share this broker.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadLetterReplayTest {

    private static final String DLQ = "config.dlq";
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void replaysAChosenLetterOnceWithItsKeyAndBytesAndSaysWhoDidIt() {
        String key = "test." + UUID.randomUUID();
        EventEnvelope<SettingChanged> event = EventEnvelope.of("gateway", key, null,
                new SettingChanged(key, "true", null, "someone", Instant.now()));
        byte[] value = CODEC.encode(event);
        RecordMetadata chosen = deadLetter(key, value, event);
        RecordMetadata other = deadLetter(key + ".other", "not json at all".getBytes(StandardCharsets.UTF_8), null);

        Response page = given().queryParam("partition", chosen.partition()).queryParam("from", chosen.offset())
                .queryParam("limit", 2).get("/api/v1/admin/dlq/" + DLQ);
        page.then().statusCode(200).body("letters[0].offset", equalTo((int) chosen.offset()))
                .body("letters[0].key", equalTo(key))
                .body("letters[0].reason", equalTo("handler failed"))
                .body("letters[0].consumer", equalTo("alerting.settings-test"))
                .body("letters[0].eventId", equalTo(event.eventId().toString()))
                .body("letters[0].eventType", equalTo("SettingChanged"))
                .body("letters[0].preview", equalTo(new String(value, StandardCharsets.UTF_8)))
                .body("letters[0].replayedAt", equalTo(null))
                .body("letters[1].key", equalTo(key + ".other"))
                .body("letters[1].eventId", equalTo(null));

        Response replayed = replay(chosen.partition(), chosen.offset());
        replayed.then().statusCode(200).body("letters[0].outcome", equalTo("REPLAYED"))
                .body("letters[0].targetTopic", equalTo("config"))
                .body("letters[0].eventId", equalTo(event.eventId().toString()))
                .body("letters[0].replayedBy", equalTo("test-admin"));

        List<ConsumerRecord<String, byte[]>> onTopic = readConfig(key, 1);
        assertThat(onTopic).hasSize(1);
        ConsumerRecord<String, byte[]> record = onTopic.get(0);
        assertThat(record.value()).as("the value's bytes, exactly").isEqualTo(value);
        assertThat(Arrays.stream(record.headers().toArray()).map(Header::key))
                .contains(Headers.EVENT_ID, Headers.REPLAYED_FROM)
                .noneMatch(h -> h.startsWith(Headers.DLQ_PREFIX));
        assertThat(new String(record.headers().lastHeader(Headers.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
                .isEqualTo(DLQ + "-" + chosen.partition() + "@" + chosen.offset());

        // the same letter again: not published twice, and the answer says who replayed it and when
        replay(chosen.partition(), chosen.offset()).then().statusCode(200)
                .body("letters[0].outcome", equalTo("ALREADY_REPLAYED"))
                .body("letters[0].replayedBy", equalTo("test-admin"))
                .body("letters[0].replayedAt", equalTo(replayed.jsonPath().getString("letters[0].replayedAt")));
        assertThat(readConfig(key, 2)).as("one copy on the topic").hasSize(1);
        assertThat(readConfig(key + ".other", 1)).as("the letter not chosen stays where it is").isEmpty();

        given().queryParam("partition", chosen.partition()).queryParam("from", chosen.offset())
                .queryParam("limit", 2).get("/api/v1/admin/dlq/" + DLQ).then().statusCode(200)
                .body("letters[0].replayedBy", equalTo("test-admin"))
                .body("letters[1].replayedBy", equalTo(null));
        given().queryParam("topic", DLQ).get("/api/v1/admin/dlq/replays").then().statusCode(200)
                .body("find { it.key == '" + key + "' }.offset", equalTo((int) chosen.offset()))
                .body("find { it.key == '" + key + "' }.targetTopic", equalTo("config"));
        assertThat(other.offset()).isGreaterThan(chosen.offset());
    }

    @Test
    void aLetterThatIsNotThereIsNotFoundAndNothingIsRecorded() {
        RecordMetadata last = deadLetter("test." + UUID.randomUUID(), new byte[] {1, 2, 3}, null);
        replay(last.partition(), last.offset() + 1000).then().statusCode(200)
                .body("letters[0].outcome", equalTo("NOT_FOUND"));
        replay(last.partition(), last.offset() + 1000).then().body("letters[0].outcome", equalTo("NOT_FOUND"));
    }

    @Test
    void badRequestsNameTheFieldAndOnlyAdminsReplay() {
        given().contentType("application/json").body(Map.of("letters", List.of(Map.of("partition", 1, "offset", 0))))
                .post("/api/v1/admin/dlq/" + DLQ + "/replay").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("letters[0].partition"));
        given().contentType("application/json").body(Map.of("letters", List.of(Map.of("partition", 0))))
                .post("/api/v1/admin/dlq/" + DLQ + "/replay").then().statusCode(400)
                .body("errors.field", hasItem("letters[0].offset"));
        given().contentType("application/json").body(Map.of("letters", List.of()))
                .post("/api/v1/admin/dlq/" + DLQ + "/replay").then().statusCode(400)
                .body("errors.field", hasItem("letters"));
        given().contentType("application/json").body(Map.of("letters", List.of(Map.of("partition", 0, "offset", 0))))
                .post("/api/v1/admin/dlq/alerts/replay").then().statusCode(404)
                .body("detail", containsString("no dead-letter topic 'alerts'"));
        given().queryParam("limit", 500).get("/api/v1/admin/dlq/" + DLQ).then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().header("Authorization", TestTokens.bearer("trader")).contentType("application/json")
                .body(Map.of("letters", List.of(Map.of("partition", 0, "offset", 0))))
                .post("/api/v1/admin/dlq/" + DLQ + "/replay").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("viewer")).get("/api/v1/admin/dlq/" + DLQ)
                .then().statusCode(403);
        given().get("/api/v1/admin/dlq").then().statusCode(200).body("$", hasItem(DLQ))
                .body("$", hasItem("lp.positions.dlq"));
    }

    private static Response replay(int partition, long offset) {
        return given().contentType("application/json")
                .body(Map.of("letters", List.of(Map.of("partition", partition, "offset", offset))))
                .post("/api/v1/admin/dlq/" + DLQ + "/replay");
    }

    /** A dead letter as a consumer writes one: the record's key and bytes, its headers and the dlq.* reasons. */
    private RecordMetadata deadLetter(String key, byte[] value, EventEnvelope<?> event) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(DLQ, key, value);
            if (event != null) {
                record.headers().add(Headers.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
            }
            record.headers().add(Headers.DLQ_REASON, "handler failed".getBytes(StandardCharsets.UTF_8));
            record.headers().add(Headers.DLQ_CONSUMER, "alerting.settings-test".getBytes(StandardCharsets.UTF_8));
            record.headers().add(Headers.DLQ_SOURCE_TOPIC, "config".getBytes(StandardCharsets.UTF_8));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ConsumerRecord<String, byte[]>> readConfig(String key, int expected) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            return kafka.read("config", r -> key.equals(r.key()), expected, Duration.ofSeconds(5));
        }
    }
}
