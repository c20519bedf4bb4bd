package io.tideline.lp.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.amm.TickMath;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpRangeExited;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.lp.chain.PositionLog;
import io.tideline.lp.chain.Swap;
import io.tideline.lp.chain.UniswapAbi.OnChainPosition;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The position manager's record kept on a position between valuations: when it holds, and that it is stored. */
class ManagerRecordTest {

    private static final String NPM = "0x00000000000000000000000000000000000000aa";
    private static final String OWNER = "0x00000000000000000000000000000000000000bb";
    private static final String POOL = "0x00000000000000000000000000000000000000cc";
    private static final Instant TIME = Instant.parse("2025-01-01T00:00:00Z");
    private static final OnChainPosition RECORD = new OnChainPosition("0x00000000000000000000000000000000000000d0",
            "0x00000000000000000000000000000000000000d1", 3000, 600, 1200, BigInteger.valueOf(5_000),
            BigInteger.TWO.pow(130), BigInteger.TWO.pow(129).add(BigInteger.ONE), BigInteger.valueOf(7),
            BigInteger.valueOf(9));

    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final Map<String, PoolState> pools = new LinkedHashMap<>();

    @Test
    void aCollectDropsTheRecordAndTheStateStoredWithItsFactHasNone() {
        Position position = valuedPosition();
        PositionLifecycle lifecycle = lifecycle();

        lifecycle.apply(new PositionLog.Collect("1", OWNER, BigInteger.ONE, BigInteger.TWO), at(10));

        assertThat(position.managerRecord()).isNull();
        Fact fact = lifecycle.facts().get(0);
        assertThat(fact.payload()).isInstanceOf(LpFeesCollected.class);
        assertThat(PositionJson.read(fact.stateAfter(), Position.class).managerRecord()).isNull();
    }

    @Test
    void aRangeExitKeepsTheRecord() {
        Position position = valuedPosition();
        PositionLifecycle lifecycle = lifecycle();

        lifecycle.apply(new Swap(POOL, BigInteger.ONE, BigInteger.ONE.negate(), TickMath.getSqrtRatioAtTick(1300),
                BigInteger.valueOf(5_000), 1300), at(10));

        assertThat(lifecycle.facts().get(0).payload()).isInstanceOf(LpRangeExited.class);
        assertThat(position.managerRecord()).isEqualTo(RECORD);
        assertThat(PositionJson.read(lifecycle.facts().get(0).stateAfter(), Position.class).managerRecord())
                .isEqualTo(RECORD);
    }

    @Test
    void theStoredStateKeepsTheRecordAndThePriceOfTheLastValuation() {
        Position stored = PositionJson.read(PositionJson.write(valuedPosition()), Position.class);

        assertThat(stored.managerRecord()).isEqualTo(RECORD);
        assertThat(stored.lastValuedSqrtPriceX96()).isEqualTo(TickMath.getSqrtRatioAtTick(900));
        assertThat(stored.lastValuedAt()).isEqualTo(TIME);
    }

    private Position valuedPosition() {
        PoolState pool = new PoolState(POOL, new TokenRef(RECORD.token0(), "T0", 18),
                new TokenRef(RECORD.token1(), "T1", 6), 3000);
        pool.sqrtPriceX96 = TickMath.getSqrtRatioAtTick(900);
        pool.tick = 900;
        pools.put(POOL, pool);
        Position position = new Position(new PositionRef(31337, NPM, "1"), OWNER, POOL, 600, 1200, 1);
        position.status = PositionStatus.ACTIVE;
        position.liquidity = RECORD.liquidity();
        position.applied(1, 0);
        position.markValued(TIME, pool.sqrtPriceX96, RECORD);
        positions.put("1", position);
        return position;
    }

    private PositionLifecycle lifecycle() {
        return new PositionLifecycle(31337, NPM, Set.of(OWNER), positions, pools, Map.of(), (ids, block) -> Map.of());
    }

    private static ChainRef at(long block) {
        return new ChainRef(block, hash(block), hash(block + 1000), 0, TIME.plusSeconds(block));
    }

    private static String hash(long n) {
        return String.format("0x%064x", n);
    }
}
