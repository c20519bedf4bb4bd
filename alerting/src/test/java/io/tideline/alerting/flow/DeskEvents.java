package io.tideline.alerting.flow;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.events.EventType;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.testing.KafkaTestClient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The desk's events as their services publish them: an envelope from the topic's owner, keyed as the owner keys it,
 * encoded with the shared codec, on the topic the registry names.
 */
final class DeskEvents {

    static final long CHAIN_ID = 31337;
    static final String POSITION_MANAGER = "0xc36442b4a4522e871399cd717abdd847ab11fe88";
    static final String POOL = "0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640";
    static final String OWNER = "0x1111111111111111111111111111111111111111";
    static final TokenRef WETH = new TokenRef("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18);
    static final TokenRef USDC = new TokenRef("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6);
    static final BigInteger ONE_WETH = BigInteger.TEN.pow(18);
    static final BigInteger ONE_USDC = BigInteger.TEN.pow(6);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final AtomicLong BLOCK = new AtomicLong(5_000);
    private static final AtomicLong TOKEN_IDS = new AtomicLong(9_000);

    private final KafkaTestClient kafka;

    DeskEvents(KafkaTestClient kafka) {
        this.kafka = kafka;
    }

    static PositionRef newPosition() {
        return new PositionRef(CHAIN_ID, POSITION_MANAGER, Long.toString(TOKEN_IDS.incrementAndGet()));
    }

    /** Publishes a payload from {@code source}, keyed {@code key}. */
    <T extends EventPayload> EventEnvelope<T> publish(String source, String key, T payload) {
        return publish(EventEnvelope.of(source, key, null, payload));
    }

    <T extends EventPayload> EventEnvelope<T> publish(EventEnvelope<T> envelope) {
        String topic = EventType.byName(envelope.type()).orElseThrow().topic().name();
        kafka.send(topic, envelope.key(), CODEC.encode(envelope));
        return envelope;
    }

    /** A mint of 2 WETH (token0) + 5,000 USDC (token1) at 2,500: a cost of 10,000 USDC. */
    EventEnvelope<LpMinted> minted(PositionRef p) {
        return publish("lp-tracker", p.key(), new LpMinted(p, OWNER, POOL, WETH, USDC, 3000, 70_000, 80_000,
                new BigInteger("1000000000000"), ONE_WETH.multiply(BigInteger.TWO),
                ONE_USDC.multiply(BigInteger.valueOf(5000)), new BigInteger("3961408125713216879677197"),
                new BigDecimal("2500"), at()));
    }

    /** A valuation at 2,500 holding 2 WETH + 5,000 USDC with the given loss and uncollected fees (raw). */
    EventEnvelope<LpValued> valued(PositionRef p, String impermanentLoss, BigInteger fees0, BigInteger fees1) {
        return publish("lp-tracker", p.key(), new LpValued(p, BLOCK.incrementAndGet(),
                new BigInteger("3961408125713216879677197"), 78_244, new BigInteger("1000000000000"),
                ONE_WETH.multiply(BigInteger.TWO), ONE_USDC.multiply(BigInteger.valueOf(5000)), fees0, fees1,
                new BigDecimal("2500"), new BigDecimal("10000"), new BigDecimal(impermanentLoss), now()));
    }

    /** A price on {@code market.prices}, as the venue feed publishes it. */
    EventEnvelope<io.tideline.events.market.PriceObserved> price(String instrument, String price) {
        return publish("extended", instrument, new io.tideline.events.market.PriceObserved("extended", instrument,
                new BigDecimal(price), null, null, null, now()));
    }

    static ChainRef at() {
        long block = BLOCK.incrementAndGet();
        String hash = String.format("0x%064x", block);
        return new ChainRef(block, hash, hash, 0, now());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static TradeSide sell() {
        return TradeSide.SELL;
    }
}
