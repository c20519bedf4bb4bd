package io.tideline.messaging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.consumer.IdempotentConsumer;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.KafkaTestClient;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IdempotentConsumerTest {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    @Inject
    Pool pool;

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    Transactions transactions;

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

        boolean first = transactions.run(uow -> idempotent.applyOnce(uow, "test-consumer", eventId,
                effects::incrementAndGet));
        boolean second = transactions.run(uow -> idempotent.applyOnce(uow, "test-consumer", eventId,
                effects::incrementAndGet));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(effects).hasValue(1);
    }

    @Test
    void forgetsTheClaimWhenTheEffectRollsBack() {
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> transactions.run(uow -> idempotent.applyOnce(uow, "test-consumer", eventId, () -> {
            throw new IllegalStateException("effect failed");
        }))).hasMessageContaining("effect failed");

        boolean retried = transactions.run(uow -> idempotent.applyOnce(uow, "test-consumer", eventId, () -> { }));
        assertThat(retried).isTrue();
    }

    @Test
    void putsTheCorrelationIdInTheLogContextWhileHandling() {
        String instrument = "corr-" + UUID.randomUUID();
        EventEnvelope<PriceObserved> cause = Prices.observed(instrument, BigDecimal.ONE);
        EventEnvelope<PriceObserved> effect = EventEnvelope.causedBy(cause, PriceLedger.SOURCE, instrument,
                cause.payload());

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.MARKET_PRICES.name(), instrument, CODEC.encode(effect));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(effect.eventId()) == 1);
        assertThat(pool.preparedQuery("select correlation_id from applied_price where event_id = $1")
                .execute(Tuple.of(effect.eventId())).await().indefinitely().iterator().next().getString(0))
                .isEqualTo(cause.eventId().toString());
    }

    private long applied(UUID eventId) {
        return pool.preparedQuery("select count(*) from applied_price where event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong(0);
    }
}
