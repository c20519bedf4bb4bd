package io.tideline.messaging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.kafka.Headers;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadLetterTest {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void sendsUndecodableAndFailingRecordsToTheDeadLetterTopicAndParksTheFailedKey() {
        String key = "dlq-" + UUID.randomUUID();
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] unknownType = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"NoSuchEvent\",\"version\":1,"
                + "\"occurredAt\":\"2026-11-23T00:00:00Z\",\"source\":\"x\",\"key\":\"" + key + "\",\"payload\":{}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] poison = CODEC.encode(Prices.observed("poison-" + key, BigDecimal.ONE, key));
        String healthy = "after-" + key;

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.MARKET_PRICES.name(), key, garbage);
            kafka.send(Topics.MARKET_PRICES.name(), key, unknownType);
            kafka.send(Topics.MARKET_PRICES.name(), key, poison);
            kafka.send(Topics.MARKET_PRICES.name(), key, CODEC.encode(
                    Prices.observed(healthy, BigDecimal.TEN, key)));

            // the poison record parks its key: the healthy record after it on the same key waits behind it
            await().atMost(Duration.ofSeconds(30)).until(() -> keptFor(key) == 2);

            List<ConsumerRecord<String, byte[]>> letters = kafka.read(
                    Topics.deadLetterOf(Topics.MARKET_PRICES.name()), r -> key.equals(r.key()), 3,
                    Duration.ofSeconds(30));
            assertThat(letters).hasSize(3);
            assertThat(letters).extracting(ConsumerRecord::value).containsExactly(garbage, unknownType, poison);
            assertThat(header(letters.get(0), Headers.DLQ_REASON)).startsWith("undecodable: malformed JSON");
            assertThat(header(letters.get(1), Headers.DLQ_REASON)).contains("unknown event type 'NoSuchEvent'");
            assertThat(header(letters.get(2), Headers.DLQ_REASON))
                    .startsWith("processing failed after 3 attempts")
                    .contains("cannot apply poison-" + key);
            assertThat(header(letters.get(2), Headers.DLQ_STACK)).contains("IllegalStateException");
            for (ConsumerRecord<String, byte[]> letter : letters) {
                assertThat(header(letter, Headers.DLQ_SOURCE_TOPIC)).isEqualTo(Topics.MARKET_PRICES.name());
                assertThat(header(letter, Headers.DLQ_CONSUMER)).isEqualTo("messaging-test.price-ledger");
                assertThat(header(letter, Headers.DLQ_SOURCE_OFFSET)).matches("\\d+");
            }
        }
        assertThat(appliedFor("poison-" + key)).isZero();
        assertThat(appliedFor(healthy)).isZero();
    }

    @Test
    void appliesOtherKeysAndRedrivesAParkedKeyInOrderOnceTheCauseIsDealtWith() {
        String key = "park-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.MARKET_PRICES.name(), key, CODEC.encode(Prices.observed("first-" + key, BigDecimal.ONE, key)));
            kafka.send(Topics.MARKET_PRICES.name(), key, CODEC.encode(Prices.observed("poison-" + key, BigDecimal.ONE, key)));
            kafka.send(Topics.MARKET_PRICES.name(), key, CODEC.encode(Prices.observed("second-" + key, BigDecimal.ONE, key)));
            kafka.send(Topics.MARKET_PRICES.name(), other, CODEC.encode(Prices.observed(other, BigDecimal.ONE)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> keptFor(key) == 2 && appliedFor(other) == 1);
        assertThat(appliedFor("first-" + key)).isEqualTo(1);
        assertThat(appliedFor("second-" + key)).isZero();

        // the poison record still fails: the re-drive changes nothing and says why
        given().contentType("application/json")
                .body("{\"consumer\":\"price-ledger\",\"key\":\"" + key + "\"}")
                .post("/api/v1/messaging/parked/redrive")
                .then().statusCode(409).body("detail", containsString("cannot apply poison-" + key));
        assertThat(keptFor(key)).isEqualTo(2);

        // the operator drops the dead-lettered record (it stays on the DLQ) and applies the rest in order
        given().contentType("application/json")
                .body("{\"consumer\":\"price-ledger\",\"key\":\"" + key + "\",\"skipDeadLettered\":true}")
                .post("/api/v1/messaging/parked/redrive")
                .then().statusCode(200).body("count", is(1));
        assertThat(appliedFor("second-" + key)).isEqualTo(1);
        assertThat(keptFor(key)).isZero();

        // released: the key's next record is applied at once
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.MARKET_PRICES.name(), key, CODEC.encode(Prices.observed("third-" + key, BigDecimal.ONE, key)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedFor("third-" + key) == 1);
        given().contentType("application/json").body("{}").post("/api/v1/messaging/parked/redrive")
                .then().statusCode(400).body("errors[0].field", is("consumer"));
    }

    @Test
    void keepsARecordOfAKeyParkedInAnEarlierPollUnclaimedUntilTheKeyIsRedriven() {
        String key = "parked-before-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        pool.preparedQuery("insert into parked_key (consumer, event_key, reason) values ('price-ledger', $1, 'test')")
                .execute(Tuple.of(key)).await().indefinitely();
        EventEnvelope<PriceObserved> behind = Prices.observed("behind-" + key, BigDecimal.ONE, key);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.MARKET_PRICES.name(), key, CODEC.encode(behind));
            kafka.send(Topics.MARKET_PRICES.name(), other, CODEC.encode(Prices.observed(other, BigDecimal.ONE)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> keptFor(key) == 1 && appliedFor(other) == 1);
        assertThat(appliedFor("behind-" + key)).isZero();
        assertThat(pool.preparedQuery("select count(*) from processed_event where event_id = $1")
                .execute(Tuple.of(behind.eventId())).await().indefinitely().iterator().next().getLong(0)).isZero();

        given().contentType("application/json")
                .body("{\"consumer\":\"price-ledger\",\"key\":\"" + key + "\"}")
                .post("/api/v1/messaging/parked/redrive")
                .then().statusCode(200).body("count", is(1));
        assertThat(appliedFor("behind-" + key)).isEqualTo(1);
        assertThat(keptFor(key)).isZero();
    }

    private long keptFor(String key) {
        return pool.preparedQuery("select count(*) from parked_event where event_key = $1")
                .execute(Tuple.of(key)).await().indefinitely().iterator().next().getLong(0);
    }

    private long appliedFor(String instrument) {
        return pool.preparedQuery("select count(*) from applied_price where instrument = $1")
                .execute(Tuple.of(instrument)).await().indefinitely().iterator().next().getLong(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
