package io.tideline.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.consumer.IdempotentConsumer;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.OnVertx;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IdempotentConsumerTest {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    @Inject
    Pool pool;

    @Inject
    IdempotentConsumer idempotent;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void appliesAnEnvelopeDeliveredTwiceOnce() {
        String instrument = "dup-" + UUID.randomUUID();
        EventEnvelope<PriceObserved> event = Prices.observed(instrument, new BigDecimal("2500.125"));
        EventEnvelope<PriceObserved> later = Prices.observed(instrument, new BigDecimal("2501"));
        byte[] bytes = CODEC.encode(event);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.MARKET_PRICES.name(), instrument, bytes);
            kafka.send(Topics.MARKET_PRICES.name(), instrument, bytes);
            // Same key, same partition: once the later event is applied, both copies have been seen.
            kafka.send(Topics.MARKET_PRICES.name(), instrument, CODEC.encode(later));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(later.eventId()) == 1);
        assertThat(applied(event.eventId())).isEqualTo(1);
        assertThat(pool.preparedQuery("select count(*) from processed_event where event_id = $1")
                .execute(Tuple.of(event.eventId())).await().indefinitely().iterator().next().getLong(0))
                .isEqualTo(1);
    }

    @Test
    void runsTheEffectOnlyForTheFirstApplicationAcrossTransactions() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger effects = new AtomicInteger();

        boolean first = OnVertx.await(() -> Panache.withTransaction(() -> idempotent.applyOnce("test-consumer",
                eventId, () -> Uni.createFrom().item(effects::incrementAndGet).replaceWithVoid())));
        boolean second = OnVertx.await(() -> Panache.withTransaction(() -> idempotent.applyOnce("test-consumer",
                eventId, () -> Uni.createFrom().item(effects::incrementAndGet).replaceWithVoid())));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(effects).hasValue(1);
    }

    @Test
    void forgetsTheClaimWhenTheEffectRollsBack() {
        UUID eventId = UUID.randomUUID();

        try {
            OnVertx.await(() -> Panache.withTransaction(() -> idempotent.applyOnce("test-consumer", eventId,
                    () -> Uni.createFrom().failure(new IllegalStateException("effect failed")))));
        } catch (IllegalStateException expected) {
            // the effect failed, so the event must count as not processed
        }

        boolean retried = OnVertx.await(() -> Panache.withTransaction(() ->
                idempotent.applyOnce("test-consumer", eventId, () -> Uni.createFrom().voidItem())));
        assertThat(retried).isTrue();
    }

    private long applied(UUID eventId) {
        return pool.preparedQuery("select count(*) from applied_price where event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong(0);
    }
}
