package io.tideline.messaging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
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

import static org.assertj.core.api.Assertions.assertThat;
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
    void sendsUndecodableAndFailingRecordsToTheDeadLetterTopicAndGoesOn() {
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

            await().atMost(Duration.ofSeconds(30)).until(() -> appliedFor(healthy) == 1);

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
