package io.tideline.gateway.stream;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.alert.AlertSeverity;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpRangeEntered;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.events.mm.SessionSettled;
import io.tideline.events.perp.HedgeRequested;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.events.Topics;
import io.tideline.testing.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/** Real envelopes of every streamed topic, as their producers publish them, sent to the tests' broker. */
final class TestEvents implements AutoCloseable {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    private final KafkaProducer<String, byte[]> producer;

    /** To the broker the tests share. */
    TestEvents() {
        this(TestKafka.bootstrapServers());
    }

    /** To this broker (a test's own). */
    TestEvents(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    /** A topic and the envelope sent there. */
    record Sent(String topic, EventEnvelope<?> envelope) {
        String eventId() {
            return envelope.eventId().toString();
        }
    }

    static String wallet() {
        return "0x" + UUID.randomUUID().toString().replace("-", "")
                + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    static PositionRef position() {
        return new PositionRef(1, "0xc36442b4a4522e871399cd717abdd847ab11fe88",
                Long.toString(Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L)));
    }

    static Sent rangeEntered(PositionRef position) {
        ChainRef at = new ChainRef(100, "0x" + "ab".repeat(32), "0x" + "cd".repeat(32), 0, Instant.now());
        return sent(Topics.LP_POSITIONS.name(), "lp-tracker", position.key(), new LpRangeEntered(position, 10, at));
    }

    static Sent hedgeRequested(PositionRef position) {
        return sent(Topics.PERP_HEDGES.name(), "perp-hedger", position.key(), new HedgeRequested(position.key(),
                "h-" + UUID.randomUUID(), 0, "ETH-USD", TradeSide.SELL, new BigDecimal("1.5"),
                new BigDecimal("3000.25"), "x-" + UUID.randomUUID()));
    }

    static Sent execution(String wallet) {
        return sent(Topics.PNL_EXECUTIONS.name(), "pnl-ingest", wallet, new ExecutionUnmatched(
                "e-" + UUID.randomUUID(), wallet, "polymarket", "m-1", "YES", TradeSide.BUY, new BigDecimal("10"),
                new BigDecimal("0.42"), new BigDecimal("0.01"), Instant.now()));
    }

    static Sent walletActivity(String wallet) {
        return sent(Topics.PNL_EXECUTIONS.name(), "pnl-ingest", wallet, new WalletActivityReceived("wh_1",
                "whevt-" + UUID.randomUUID(), "MATIC_MAINNET", wallet, "0x" + "ef".repeat(32), 1, "token", wallet,
                "0x" + "11".repeat(20), null, "USDC", BigInteger.TEN, 6, null, 5, false));
    }

    static Sent sessionSettled(String sessionId) {
        return sent(Topics.MM_SETTLEMENT.name(), "settlement", sessionId + ":ETH-USDC", new SessionSettled(
                "run-" + UUID.randomUUID(), sessionId, List.of("ETH-USDC"), 1, 1, 0, 0, 0, 12, false));
    }

    static Sent alertAbout(String subject) {
        return alertAbout(subject, "detail");
    }

    static Sent alertAbout(String subject, String detail) {
        return sent(Topics.ALERTS.name(), "alerting", subject, new AlertRaised("a-" + UUID.randomUUID(), "r-1",
                AlertSeverity.HIGH, subject, "title", detail, Instant.now(), null));
    }

    static Sent price(String instrument) {
        return sent(Topics.MARKET_PRICES.name(), "extended", instrument, new PriceObserved("extended", instrument,
                new BigDecimal("3001.5"), null, null, null, Instant.now()));
    }

    /** An lp.positions event from a service that does not own the topic: never streamed. */
    static Sent forgedRangeEntered(PositionRef position) {
        Sent real = rangeEntered(position);
        return sent(real.topic(), "perp-hedger", position.key(), real.envelope().payload());
    }

    private static Sent sent(String topic, String source, String key, EventPayload payload) {
        return new Sent(topic, EventEnvelope.of(source, key, null, payload));
    }

    /** Sends them in order and waits for the broker's acknowledgement of all. */
    List<Sent> send(List<Sent> events) {
        var acks = events.stream().map(e -> producer.send(new ProducerRecord<>(e.topic(), e.envelope().key(),
                CODEC.encode(e.envelope())))).toList();
        try {
            for (var ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return events;
    }

    Sent send(Sent event) {
        send(List.of(event));
        return event;
    }

    /** Raw bytes that are no event at all. */
    void sendGarbage(String topic, String key) {
        try {
            producer.send(new ProducerRecord<>(topic, key, "{not json".getBytes())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
