package io.tideline.messaging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.outbox.KafkaOutboxPublisher;
import io.tideline.messaging.kafka.Headers;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.outbox.OutboxPublishException;
import io.tideline.messaging.outbox.OutboxPublisher;
import io.tideline.messaging.outbox.OutboxRelay;
import io.tideline.messaging.outbox.OutboxRows;
import io.tideline.messaging.outbox.PendingEvent;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxRelayTest {

    private static final int KEYS = 10;
    private static final int PER_KEY = 100;
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    @Inject
    Transactions transactions;

    @Inject
    DatabaseConfig database;

    @Inject
    Pool pool;

    @Inject
    KafkaOutboxPublisher kafka;

    @Inject
    MessagingConfig config;

    @Inject
    SchemaMigration schema;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void publishWhatOtherTestsLeftPending() {
        drain(relay(kafka));
    }

    @Test
    void republishesEverythingACrashedRelayDidNotMarkAndKeepsPerKeyOrder() {
        String run = "relay-" + UUID.randomUUID().toString().substring(0, 8);
        List<EventEnvelope<PriceObserved>> written = writeEvents(run);

        // The first relay dies after handing 300 events to the broker, before it can mark any row sent.
        OutboxRelay crashing = relay(new DiesAfter(kafka, 300));
        assertThatThrownBy(crashing::relayOnce).hasMessageContaining("relay process killed");
        assertThat(pendingRows(run)).isEqualTo(KEYS * PER_KEY);

        OutboxRelay restarted = relay(kafka);
        drain(restarted);
        assertThat(pendingRows(run)).isZero();

        List<ConsumerRecord<String, byte[]>> published = readBack(run, KEYS * PER_KEY + 300);
        Set<UUID> publishedIds = published.stream()
                .map(r -> CODEC.decode(r.value()).eventId()).collect(Collectors.toSet());
        assertThat(publishedIds).containsExactlyInAnyOrderElementsOf(
                written.stream().map(EventEnvelope::eventId).toList());
        assertPerKeyOrder(published);
        assertAppliedOnceInOrder(run, written.size());
        assertThat(auditRows(run)).as("an audit row per published event").isEqualTo(KEYS * PER_KEY);
        // lineage in the headers: the correlation id (here the event's own) and a W3C traceparent derived from it
        ConsumerRecord<String, byte[]> first = published.get(0);
        UUID firstId = CODEC.decode(first.value()).eventId();
        assertThat(new String(first.headers().lastHeader(Headers.CORRELATION_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo(firstId.toString());
        assertThat(new String(first.headers().lastHeader(Headers.TRACEPARENT).value(), StandardCharsets.UTF_8))
                .isEqualTo("00-" + firstId.toString().replace("-", "") + "-"
                        + firstId.toString().replace("-", "").substring(16) + "-01");
    }

    @Test
    void republishesTheBatchesOfAPassThatDiedWhileAnotherWasInFlight() {
        String run = "inflight-" + UUID.randomUUID().toString().substring(0, 8);
        List<EventEnvelope<PriceObserved>> written = writeEvents(run);

        // The first batch is acknowledged and deleted inside the pass, the second is on its way to the broker when
        // the process dies: the pass never commits, so both batches are still owed.
        OutboxRelay crashing = relay(new DiesAwaitingBatch(kafka, 2));
        assertThatThrownBy(crashing::relayOnce).hasMessageContaining("relay process killed");
        assertThat(pendingRows(run)).isEqualTo(KEYS * PER_KEY);
        assertThat(auditRows(run)).isZero();

        drain(relay(kafka));
        assertThat(pendingRows(run)).isZero();
        assertThat(outboxRows(run)).as("published rows leave the outbox").isZero();
        assertThat(auditRows(run)).isEqualTo(KEYS * PER_KEY);
        List<ConsumerRecord<String, byte[]>> published = readBack(run, 2 * KEYS * PER_KEY);
        assertThat(published.stream().map(r -> CODEC.decode(r.value()).eventId()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(written.stream().map(EventEnvelope::eventId).toList());
        assertPerKeyOrder(published);
        assertAppliedOnceInOrder(run, written.size());
    }

    @Test
    void publishesARowCommittedLateBeforeTheLaterRowsOfItsKey() throws Exception {
        String run = "late-" + UUID.randomUUID().toString().substring(0, 8);
        String key = run + "-late";
        EventEnvelope<PriceObserved> early = Prices.observed(key, BigDecimal.ONE);
        EventEnvelope<PriceObserved> later = Prices.observed(key, BigDecimal.valueOf(2));
        // The early event takes its id now and commits only once the relay has read and handed over a first batch
        // of rows with higher ids; the key's later event is committed right after it.
        SqlConnection slow = pool.getConnection().await().indefinitely();
        try {
            Transaction slowTx = slow.begin().await().indefinitely();
            OutboxRows.insert(slow, List.of(early), Duration.ofSeconds(10));
            List<EventEnvelope<PriceObserved>> others = writeEvents(run);
            OutboxPublisher commitsAfterFirstBatch = new OutboxPublisher() {
                private boolean first = true;

                @Override
                public Sending send(List<PendingEvent> batch) {
                    Sending sending = kafka.send(batch);
                    if (first) {
                        first = false;
                        assertThat(batch).extracting(PendingEvent::eventId).doesNotContain(early.eventId());
                        slowTx.commit().await().indefinitely();
                        transactions.execute(uow -> uow.publish(later));
                    }
                    return sending;
                }
            };
            drain(relay(commitsAfterFirstBatch));
            assertThat(pendingRows(run)).isZero();

            List<ConsumerRecord<String, byte[]>> published = readBack(key, 2);
            assertThat(published).extracting(r -> CODEC.decode(r.value()).eventId())
                    .containsExactly(early.eventId(), later.eventId());
            assertThat(others).isNotEmpty();
        } finally {
            slow.close().await().indefinitely();
        }
    }

    @Test
    void leavesRowsAnEarlierRelayStampedSentAlone() {
        String run = "stamped-" + UUID.randomUUID().toString().substring(0, 8);
        UUID stamped = UUID.randomUUID();
        // What a relay of the previous version leaves: the row stays, with sent_at.
        transactions.execute(uow -> uow.exec("""
                insert into outbox (event_id, topic, event_key, event_type, envelope, sent_at)
                values ($1, $2, $3, 'PriceObserved', '{}', now())""",
                Tuple.of(stamped, Topics.MARKET_PRICES.name(), run + "-k0")));
        List<EventEnvelope<PriceObserved>> written = writeEvents(run);

        drain(relay(kafka));

        assertThat(readBack(run, KEYS * PER_KEY)).extracting(r -> CODEC.decode(r.value()).eventId())
                .containsExactlyInAnyOrderElementsOf(written.stream().map(EventEnvelope::eventId).toList());
        assertThat(outboxRows(run)).as("only the stamped row is left").isEqualTo(1);
        assertThat(relay(kafka).unpublishedCount()).isZero();
    }

    @Test
    void marksTheConfirmedPrefixWhenTheBrokerFailsMidBatch() {
        String run = "prefix-" + UUID.randomUUID().toString().substring(0, 8);
        List<EventEnvelope<PriceObserved>> written = writeEvents(run);

        OutboxRelay failing = relay(new ConfirmsOnly(kafka, 120));
        assertThatThrownBy(failing::relayOnce).isInstanceOf(OutboxPublishException.class)
                .hasMessageContaining("published 120 of");
        assertThat(pendingRows(run)).isEqualTo(KEYS * PER_KEY - 120);
        assertThat(failing.unpublishedCount()).as("the backlog operators see").isEqualTo(KEYS * PER_KEY - 120);
        given().get("/api/v1/messaging").then().statusCode(200).body("outboxBacklog", equalTo(KEYS * PER_KEY - 120));
        Row stuck = pool.preparedQuery("""
                        select last_error, attempts from outbox where event_key like $1 and sent_at is null
                        order by id limit 1""")
                .execute(Tuple.of(run + "%")).await().indefinitely().iterator().next();
        assertThat(stuck.getString("last_error")).contains("broker unavailable");
        assertThat(stuck.getInteger("attempts")).isEqualTo(1);

        drain(relay(kafka));
        assertThat(pendingRows(run)).isZero();
        assertThat(failing.unpublishedCount()).isZero();
        List<ConsumerRecord<String, byte[]>> published = readBack(run, KEYS * PER_KEY);
        assertThat(published.stream().map(r -> CODEC.decode(r.value()).eventId()).collect(Collectors.toSet()))
                .hasSize(written.size());
        assertPerKeyOrder(published);
    }

    private List<EventEnvelope<PriceObserved>> writeEvents(String run) {
        List<EventEnvelope<PriceObserved>> events = new ArrayList<>();
        for (int seq = 0; seq < PER_KEY; seq++) {
            for (int key = 0; key < KEYS; key++) {
                events.add(Prices.observed(run + "-k" + key, BigDecimal.valueOf(seq)));
            }
        }
        transactions.execute(uow -> uow.publishAll(events));
        return events;
    }

    private OutboxRelay relay(OutboxPublisher publisher) {
        return new OutboxRelay(pool, publisher, config, schema, database);
    }

    private void drain(OutboxRelay relay) {
        while (relay.relayOnce() > 0) {
            // until a pass finds nothing left
        }
    }

    private long pendingRows(String run) {
        return pool.preparedQuery("select count(*) from outbox where event_key like $1 and sent_at is null")
                .execute(Tuple.of(run + "%")).await().indefinitely().iterator().next().getLong(0);
    }

    private long outboxRows(String run) {
        return pool.preparedQuery("select count(*) from outbox where event_key like $1")
                .execute(Tuple.of(run + "%")).await().indefinitely().iterator().next().getLong(0);
    }

    private long auditRows(String run) {
        return pool.preparedQuery("select count(*) from outbox_sent where event_key like $1")
                .execute(Tuple.of(run + "%")).await().indefinitely().iterator().next().getLong(0);
    }

    /** The idempotent consumer (PriceLedger) applied every event once, and each key's in the order written. */
    private void assertAppliedOnceInOrder(String run, int events) {
        await().atMost(Duration.ofSeconds(60)).until(() -> pool.preparedQuery(
                        "select count(distinct event_id) from applied_price where instrument like $1")
                .execute(Tuple.of(run + "%")).await().indefinitely().iterator().next().getLong(0) == events);
        Map<String, List<BigDecimal>> applied = new HashMap<>();
        long rows = 0;
        for (Row row : pool.preparedQuery("select instrument, price from applied_price where instrument like $1 order by id")
                .execute(Tuple.of(run + "%")).await().indefinitely()) {
            applied.computeIfAbsent(row.getString("instrument"), k -> new ArrayList<>()).add(row.getBigDecimal("price"));
            rows++;
        }
        assertThat(rows).as("each event applied once").isEqualTo(events);
        applied.forEach((key, prices) -> assertThat(prices).as(key).isSortedAccordingTo(BigDecimal::compareTo));
    }

    private List<ConsumerRecord<String, byte[]>> readBack(String run, int expected) {
        try (KafkaTestClient client = new KafkaTestClient(bootstrap)) {
            return client.read(Topics.MARKET_PRICES.name(), r -> r.key() != null && r.key().startsWith(run),
                    expected, Duration.ofSeconds(30));
        }
    }

    /** Per key, the first delivery of each event comes in the order the events were written. */
    private static void assertPerKeyOrder(List<ConsumerRecord<String, byte[]>> published) {
        Map<String, LinkedHashSet<BigDecimal>> firstSeen = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : published) {
            PriceObserved price = (PriceObserved) CODEC.decode(record.value()).payload();
            firstSeen.computeIfAbsent(record.key(), k -> new LinkedHashSet<>()).add(price.price());
        }
        assertThat(firstSeen).hasSize(KEYS);
        firstSeen.forEach((key, prices) -> assertThat(new ArrayList<>(prices)).as(key).isSorted().hasSize(PER_KEY));
    }

    /** Hands the first {@code limit} events to the real broker, then dies like a killed process. */
    private record DiesAfter(OutboxPublisher real, int limit) implements OutboxPublisher {
        @Override
        public Sending send(List<PendingEvent> batch) {
            real.publish(batch.subList(0, Math.min(limit, batch.size())));
            throw new IllegalStateException("relay process killed after " + limit + " events");
        }
    }

    /**
     * Hands every batch to the real broker and dies like a killed process while waiting for the acknowledgements of
     * the {@code dyingBatch}-th one.
     */
    private static final class DiesAwaitingBatch implements OutboxPublisher {
        private final OutboxPublisher real;
        private final int dyingBatch;
        private int handedOver;

        DiesAwaitingBatch(OutboxPublisher real, int dyingBatch) {
            this.real = real;
            this.dyingBatch = dyingBatch;
        }

        @Override
        public Sending send(List<PendingEvent> batch) {
            Sending sending = real.send(batch);
            if (++handedOver < dyingBatch) {
                return sending;
            }
            return () -> {
                sending.await();
                throw new IllegalStateException("relay process killed awaiting batch " + dyingBatch);
            };
        }
    }

    /** The broker confirms the first {@code limit} events handed to it and then becomes unavailable. */
    private static final class ConfirmsOnly implements OutboxPublisher {
        private final OutboxPublisher real;
        private int remaining;

        ConfirmsOnly(OutboxPublisher real, int limit) {
            this.real = real;
            this.remaining = limit;
        }

        @Override
        public Sending send(List<PendingEvent> batch) {
            int through = Math.min(remaining, batch.size());
            remaining -= through;
            Sending sending = real.send(batch.subList(0, through));
            return () -> new PublishResult(sending.await().confirmed(),
                    through < batch.size() ? new IllegalStateException("broker unavailable") : null);
        }
    }
}
