package io.tideline.analytics.flow;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.events.EventType;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpLiquidityChanged;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.events.perp.FundingPaid;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.PerpFill;
import io.tideline.testing.KafkaTestClient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The desk's events as their services publish them onto the real broker: an envelope from the topic's owner, keyed as
 * the owner keys it, encoded with the shared codec, on the topic the registry names.
 */
final class DeskFeed {

    static final long CHAIN_ID = 31337;
    static final String POSITION_MANAGER = "0xc36442b4a4522e871399cd717abdd847ab11fe88";
    static final String POOL = "0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640";
    static final String OWNER = "0x2222222222222222222222222222222222222222";
    static final TokenRef WETH = new TokenRef("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18);
    static final TokenRef USDC = new TokenRef("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final AtomicLong BLOCK = new AtomicLong(System.currentTimeMillis() / 1000);
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000_000L);

    private final KafkaTestClient kafka;

    DeskFeed(KafkaTestClient kafka) {
        this.kafka = kafka;
    }

    /** A position no earlier run used: the broker outlives test runs. */
    static PositionRef newPosition() {
        return new PositionRef(CHAIN_ID, POSITION_MANAGER, Long.toString(IDS.incrementAndGet()));
    }

    static String unique(String prefix) {
        return prefix + IDS.incrementAndGet();
    }

    <T extends EventPayload> EventEnvelope<T> publish(String source, String key, T payload) {
        return publish(EventEnvelope.of(source, key, null, payload));
    }

    <T extends EventPayload> EventEnvelope<T> publish(EventEnvelope<T> envelope) {
        String topic = EventType.byName(envelope.type()).orElseThrow().topic().name();
        kafka.send(topic, envelope.key(), CODEC.encode(envelope));
        return envelope;
    }

    /** lp-tracker's mint: 2 WETH (token0) + 5,000 USDC (token1) at 2,500 USDC per WETH — a cost of 10,000 dollars. */
    EventEnvelope<LpMinted> minted(PositionRef p) {
        return publish("lp-tracker", p.key(), new LpMinted(p, OWNER, POOL, WETH, USDC, 3000, -200_000, -190_000,
                new BigInteger("1000000000000"), weth("2"), usdc("5000"), new BigInteger("3961408125713216879677197"),
                new BigDecimal("2500"), at()));
    }

    /** The perp venue's price of a market, as its price feed publishes it. */
    EventEnvelope<PriceObserved> venuePrice(String market, String price) {
        return publish("extended", market, new PriceObserved("extended", market, new BigDecimal(price), null, null,
                null, now()));
    }

    /** lp-tracker's increase of a position's liquidity by {@code amount0} + {@code amount1}, raw units. */
    EventEnvelope<LpLiquidityChanged> liquidityAdded(PositionRef p, BigInteger amount0, BigInteger amount1) {
        return publish("lp-tracker", p.key(), new LpLiquidityChanged(p, new BigInteger("500000000000"),
                new BigInteger("1500000000000"), amount0, amount1, at()));
    }

    /** lp-tracker's withdrawal of a fact after a reorganisation replaced the block {@code at} that held it. */
    EventEnvelope<LpFactRetracted> retracted(PositionRef p, EventEnvelope<?> fact, ChainRef at) {
        return publish("lp-tracker", p.key(), new LpFactRetracted(p, fact.eventId(), fact.type(), at,
                at.blockNumber() - 1));
    }

    /** lp-tracker's mark: amounts and uncollected fees at a price, raw units. */
    EventEnvelope<LpValued> valued(PositionRef p, String price, BigInteger amount0, BigInteger amount1,
            BigInteger fees0, BigInteger fees1) {
        return publish("lp-tracker", p.key(), new LpValued(p, BLOCK.incrementAndGet(),
                new BigInteger("3961408125713216879677197"), -195_000, new BigInteger("1000000000000"), amount0,
                amount1, fees0, fees1, new BigDecimal(price), BigDecimal.ZERO, BigDecimal.ZERO, now()));
    }

    /** perp-hedger's fill of the short for the mint, caused by it (so it shares the mint's correlation id). */
    EventEnvelope<HedgeFilled> hedged(EventEnvelope<LpMinted> mint, String market, String quantity, String price,
            String fee) {
        String key = mint.payload().position().key();
        String hedgeId = unique("hedge-");
        return publish(EventEnvelope.causedBy(mint, "perp-hedger", key, new HedgeFilled(key, hedgeId, 1, market,
                unique("order-"), unique("ext-"), TradeSide.SELL, new BigDecimal(quantity), new BigDecimal(price),
                new BigDecimal(fee), List.of(new PerpFill(unique("trade-"), new BigDecimal(quantity),
                        new BigDecimal(price), new BigDecimal(fee), now())))));
    }

    static BigInteger weth(String human) {
        return new BigDecimal(human).movePointRight(18).toBigIntegerExact();
    }

    static BigInteger usdc(String human) {
        return new BigDecimal(human).movePointRight(6).toBigIntegerExact();
    }

    static ChainRef at() {
        long block = BLOCK.incrementAndGet();
        String hash = String.format("0x%064x", block);
        return new ChainRef(block, hash, hash, 0, now());
    }

    /** perp-hedger's report of a funding payment of the hedge (positive received, negative paid). */
    EventEnvelope<FundingPaid> fundingPaid(EventEnvelope<HedgeFilled> hedge, String quantity, String rate,
            String amount) {
        HedgeFilled h = hedge.payload();
        return publish(EventEnvelope.causedBy(hedge, "perp-hedger", h.positionKey(), new FundingPaid(h.positionKey(),
                h.hedgeId(), "extended", h.market(), Long.toString(IDS.incrementAndGet()), "1821237954501148672",
                "SHORT", new BigDecimal(quantity), new BigDecimal(rate), new BigDecimal("2600"),
                new BigDecimal(amount), new BigDecimal(amount), now())));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
