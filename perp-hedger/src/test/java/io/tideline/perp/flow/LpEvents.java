package io.tideline.perp.flow;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.events.Topics;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.testing.KafkaTestClient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/** lp-tracker's events for a test position in the stand-in's pool (WETH token0, 18 decimals; USDC token1, 6). */
final class LpEvents {

    static final String POSITION_MANAGER = "0xc36442b4a4522e871399cd717abdd847ab11fe88";
    static final TokenRef WETH = new TokenRef("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18);
    static final TokenRef USDC = new TokenRef("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6);
    private static final String OWNER = ExtendedStandInResource.DESK_WALLET;
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final AtomicLong BLOCK = new AtomicLong(1_000);

    private final KafkaTestClient kafka;

    LpEvents(KafkaTestClient kafka) {
        this.kafka = kafka;
    }

    static PositionRef position(String tokenId) {
        return new PositionRef(ExtendedStandInResource.CHAIN_ID, POSITION_MANAGER, tokenId);
    }

    /** A mint depositing {@code weth} WETH (raw) and {@code usdc} USDC (raw) at 2500 USDC per WETH. */
    EventEnvelope<LpMinted> minted(PositionRef position, BigInteger weth, BigInteger usdc) {
        return send(position, mint(position, ExtendedStandInResource.POOL, weth, usdc));
    }

    /** The same mint in another pool. */
    static LpMinted mint(PositionRef position, String pool, BigInteger weth, BigInteger usdc) {
        return new LpMinted(position, OWNER, pool, WETH, USDC, 3000, -887_220, 887_220,
                new BigInteger("1000000000000"), weth, usdc, new BigInteger("3961408125713216879677197"),
                new BigDecimal("2500"), at());
    }

    EventEnvelope<LpClosed> closed(PositionRef position) {
        return send(position, new LpClosed(position, LpClosed.Reason.LIQUIDITY_REMOVED, BigInteger.ONE,
                BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO, BigDecimal.ZERO, at()));
    }

    <T extends EventPayload> EventEnvelope<T> send(PositionRef position, T payload) {
        return send(EventEnvelope.of("lp-tracker", position.key(), null, payload));
    }

    <T extends EventPayload> EventEnvelope<T> send(EventEnvelope<T> envelope) {
        kafka.send(Topics.LP_POSITIONS.name(), envelope.key(), CODEC.encode(envelope));
        return envelope;
    }

    private static ChainRef at() {
        long block = BLOCK.incrementAndGet();
        String hash = String.format("0x%064x", block);
        return new ChainRef(block, hash, hash, 0, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
