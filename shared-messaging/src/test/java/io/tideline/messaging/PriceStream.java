package io.tideline.messaging;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.KafkaTestClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * A stream of prices for one test: {@code keys} instruments (each its own key), each priced 1, 2, … {@code perKey} in
 * that order, interleaved; and what {@link PriceLedger} made of it, in the order it applied the events.
 */
final class PriceStream {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    private final String run = "stream-" + UUID.randomUUID();
    private final List<EventEnvelope<PriceObserved>> events = new ArrayList<>();
    private final Map<String, List<Integer>> expected = new LinkedHashMap<>();

    PriceStream(int keys, int perKey) {
        for (int k = 0; k < keys; k++) {
            expected.put(run + "-k" + k, IntStream.rangeClosed(1, perKey).boxed().toList());
        }
        for (int seq = 1; seq <= perKey; seq++) {
            for (String key : expected.keySet()) {
                events.add(Prices.observed(key, BigDecimal.valueOf(seq)));
            }
        }
    }

    /** Whether {@code key} is one of the stream's keys. */
    boolean owns(String key) {
        return key != null && key.startsWith(run + "-");
    }

    int size() {
        return events.size();
    }

    EventEnvelope<PriceObserved> event(int index) {
        return events.get(index);
    }

    /** Sends the events {@code from} (inclusive) to {@code to} (exclusive), each acknowledged by the broker. */
    void send(KafkaTestClient kafka, int from, int to) {
        for (EventEnvelope<PriceObserved> event : events.subList(from, to)) {
            kafka.send(Topics.MARKET_PRICES.name(), event.key(), CODEC.encode(event));
        }
    }

    /** Every key with its prices 1…n, once each, in order. */
    Map<String, List<Integer>> expected() {
        return expected;
    }

    /** The prices applied per key, in the order they were applied (a duplicate shows as a repeated price). */
    Map<String, List<Integer>> applied(Transactions transactions) {
        Map<String, List<Integer>> applied = new LinkedHashMap<>();
        expected.keySet().forEach(key -> applied.put(key, new ArrayList<>()));
        transactions.reads().list("select instrument, price from applied_price where instrument like $1 order by id",
                Tuple.of(run + "-%"), row -> {
                    applied.get(row.getString("instrument")).add(row.getBigDecimal("price").intValueExact());
                    return row;
                });
        return applied;
    }

    /** Sends one more event and answers the thread that applied it: the consumer's thread now. */
    static Thread threadApplyingTheNextEvent(String bootstrap, Transactions transactions) {
        PriceStream next = new PriceStream(1, 1);
        AtomicReference<Thread> applying = new AtomicReference<>();
        PriceLedger.HOLDS.put(next.event(0).eventId(), () -> applying.set(Thread.currentThread()));
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            next.send(kafka, 0, 1);
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> next.appliedCount(transactions) == 1);
        return applying.get();
    }

    /** How many of the stream's events were applied, duplicates included. */
    long appliedCount(Transactions transactions) {
        return transactions.reads().one("select count(*) from applied_price where instrument like $1",
                Tuple.of(run + "-%"), row -> row.getLong(0));
    }
}
