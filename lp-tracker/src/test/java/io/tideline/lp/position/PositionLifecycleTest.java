package io.tideline.lp.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpLiquidityChanged;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpRangeEntered;
import io.tideline.events.lp.LpRangeExited;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.lp.chain.PositionLog.Collect;
import io.tideline.lp.chain.PositionLog.DecreaseLiquidity;
import io.tideline.lp.chain.PositionLog.IncreaseLiquidity;
import io.tideline.lp.chain.PositionLog.Minted;
import io.tideline.lp.chain.PositionLog.Transferred;
import io.tideline.lp.chain.Swap;
import io.tideline.lp.chain.UniswapAbi.OnChainPosition;
import io.tideline.lp.chain.UniswapLog;
import io.tideline.lp.position.PositionLifecycle.Discovery;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One position walked through its life from typed logs alone (no database, chain or Quarkus): each step's facts, their
 * types and exact amounts. Both tokens have 18 decimals and the pool starts at sqrtPriceX96 = 2 · 2^96, a price of
 * exactly 4 token1 per token0, so every value below can be checked by hand.
 */
class PositionLifecycleTest {

    private static final long CHAIN = 31337;
    private static final String NPM = "0x00000000000000000000000000000000000000aa";
    private static final String OWNER = "0x00000000000000000000000000000000000000bb";
    private static final String SECOND_WALLET = "0x00000000000000000000000000000000000000b2";
    private static final String FOREIGN = "0x00000000000000000000000000000000000000f0";
    private static final String POOL = "0x00000000000000000000000000000000000000cc";
    private static final TokenRef TOKEN0 = new TokenRef("0x00000000000000000000000000000000000000d0", "T0", 18);
    private static final TokenRef TOKEN1 = new TokenRef("0x00000000000000000000000000000000000000d1", "T1", 18);
    private static final BigInteger Q96 = BigInteger.TWO.pow(96);
    private static final BigInteger PRICE_4 = Q96.multiply(BigInteger.TWO);
    private static final BigInteger PRICE_9 = Q96.multiply(BigInteger.valueOf(3));
    private static final int TICK_AT_4 = 13863;
    private static final int TICK_AT_9 = 21972;
    private static final int LOWER = 13200;
    private static final int UPPER = 14400;
    private static final BigInteger LIQUIDITY = BigInteger.valueOf(1_000_000);
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final Map<String, PoolState> pools = new LinkedHashMap<>();
    private final Map<String, Discovery> discoveries = new LinkedHashMap<>();
    private final List<String> owedAsked = new ArrayList<>();
    private final Map<String, OnChainPosition> owedAtClose = new LinkedHashMap<>();
    private PositionLifecycle lifecycle;
    private int seen;

    @Test
    void walksAPositionFromMintThroughRangeExitAndReentryToItsClose() {
        setUp(Set.of(OWNER), "7");

        // Block 10: the mint (Transfer from 0x0, then IncreaseLiquidity): LpMinted at price 4.
        apply(new Minted("7", OWNER), 10, 0);
        assertThat(step()).isEmpty();
        apply(new IncreaseLiquidity("7", LIQUIDITY, eth("1"), eth("3")), 10, 1);
        LpMinted minted = only(LpMinted.class);
        assertThat(minted.position()).isEqualTo(ref("7"));
        assertThat(minted.owner()).isEqualTo(OWNER);
        assertThat(minted.pool()).isEqualTo(POOL);
        assertThat(minted.fee()).isEqualTo(3000);
        assertThat(minted.tickLower()).isEqualTo(LOWER);
        assertThat(minted.tickUpper()).isEqualTo(UPPER);
        assertThat(minted.liquidity()).isEqualTo(LIQUIDITY);
        assertThat(minted.amount0()).isEqualTo(eth("1"));
        assertThat(minted.amount1()).isEqualTo(eth("3"));
        assertThat(minted.sqrtPriceX96()).isEqualTo(PRICE_4);
        assertThat(minted.price()).isEqualByComparingTo("4");
        assertThat(minted.at()).isEqualTo(at(10, 1));
        assertThat(positions.get("7").status()).isEqualTo(PositionStatus.ACTIVE);
        // What the deposit was worth when made: 1 · 4 + 3.
        assertThat(positions.get("7").costToken1()).isEqualTo(new BigDecimal("7.000000000000000000"));
        lifecycle.endBlock(10);
        assertThat(step()).isEmpty();

        // Block 11: a swap to price 9 (tick 21972) leaves the range above.
        apply(new Swap(POOL, eth("-1"), eth("5"), PRICE_9, LIQUIDITY, TICK_AT_9), 11, 0);
        LpRangeExited exited = only(LpRangeExited.class);
        assertThat(exited.tick()).isEqualTo(TICK_AT_9);
        assertThat(exited.tickLower()).isEqualTo(LOWER);
        assertThat(exited.tickUpper()).isEqualTo(UPPER);
        assertThat(exited.side()).isEqualTo(LpRangeExited.Side.ABOVE);
        assertThat(positions.get("7").status()).isEqualTo(PositionStatus.INACTIVE);
        lifecycle.endBlock(11);

        // Block 12: back to price 4, inside the range again.
        apply(new Swap(POOL, eth("1"), eth("-5"), PRICE_4, LIQUIDITY, TICK_AT_4), 12, 0);
        assertThat(only(LpRangeEntered.class).tick()).isEqualTo(TICK_AT_4);
        assertThat(positions.get("7").status()).isEqualTo(PositionStatus.ACTIVE);
        assertThat(lifecycle.pricesMoved()).containsEntry(POOL, at(12, 0));
        // The pass's swaps, as market.prices carries them: what swappers paid in (5 token1, then 1 token0).
        assertThat(lifecycle.swapTallies()).containsEntry(POOL,
                new PositionLifecycle.SwapTally(eth("1"), eth("5"), 2, LIQUIDITY));
        lifecycle.endBlock(12);

        // Block 13: half the liquidity out; the amounts are owed to the position until collected.
        apply(new DecreaseLiquidity("7", BigInteger.valueOf(500_000), eth("0.4"), eth("1.6")), 13, 0);
        LpLiquidityChanged half = only(LpLiquidityChanged.class);
        assertThat(half.liquidityDelta()).isEqualTo(BigInteger.valueOf(-500_000));
        assertThat(half.liquidityAfter()).isEqualTo(BigInteger.valueOf(500_000));
        assertThat(half.amount0()).isEqualTo(eth("0.4"));
        assertThat(half.amount1()).isEqualTo(eth("1.6"));
        assertThat(positions.get("7").principalOwed0()).isEqualTo(eth("0.4"));
        lifecycle.endBlock(13);

        // Block 14: a collect pays the owed principal first; the rest (0.01 and 0.03) are fees.
        apply(new Collect("7", OWNER, eth("0.41"), eth("1.63")), 14, 0);
        LpFeesCollected collected = only(LpFeesCollected.class);
        assertThat(collected.recipient()).isEqualTo(OWNER);
        assertThat(collected.amount0()).isEqualTo(eth("0.41"));
        assertThat(collected.amount1()).isEqualTo(eth("1.63"));
        assertThat(positions.get("7").feesCollected0()).isEqualTo(eth("0.01"));
        assertThat(positions.get("7").feesCollected1()).isEqualTo(eth("0.03"));
        assertThat(positions.get("7").principalOwed0()).isZero();
        lifecycle.endBlock(14);

        // Block 15: the rest out. LpClosed waits for the end of the block, where the position manager says what the
        // position is owed: the 0.6 / 1.4 just withdrawn plus 0.02 / 0.05 of fees.
        apply(new DecreaseLiquidity("7", BigInteger.valueOf(500_000), eth("0.6"), eth("1.4")), 15, 0);
        LpLiquidityChanged rest = only(LpLiquidityChanged.class);
        assertThat(rest.liquidityDelta()).isEqualTo(BigInteger.valueOf(-500_000));
        assertThat(rest.liquidityAfter()).isZero();
        assertThat(positions.get("7").status()).isEqualTo(PositionStatus.CLOSED);
        owedAtClose.put("7", owed(eth("0.62"), eth("1.45")));
        lifecycle.endBlock(15);
        assertThat(owedAsked).containsExactly("7@15");
        LpClosed closed = only(LpClosed.class);
        assertThat(closed.reason()).isEqualTo(LpClosed.Reason.LIQUIDITY_REMOVED);
        assertThat(closed.amount0Withdrawn()).isEqualTo(eth("1"));
        assertThat(closed.amount1Withdrawn()).isEqualTo(eth("3"));
        assertThat(closed.fees0Collected()).isEqualTo(eth("0.03"));
        assertThat(closed.fees1Collected()).isEqualTo(eth("0.08"));
        // (withdrawn + fees) at the closing price − the deposits' worth when made: (1.03 · 4 + 3.08) − 7 = 0.2.
        assertThat(closed.realizedPnlToken1()).isEqualTo(new BigDecimal("0.200000000000000000"));
        assertThat(closed.at()).isEqualTo(at(15, 0));

        assertThat(lifecycle.facts()).extracting(Fact::type).containsExactly("LpMinted", "LpRangeExited",
                "LpRangeEntered", "LpLiquidityChanged", "LpFeesCollected", "LpLiquidityChanged", "LpClosed");
        assertThat(PositionJson.read(lifecycle.facts().get(6).stateAfter(), Position.class).status())
                .isEqualTo(PositionStatus.CLOSED);
        assertThat(lifecycle.touched()).containsExactly("7");
    }

    @Test
    void aPositionSentAwayFromTheWatchedWalletsIsTransferredAndNoLongerFollowsThePrice() {
        setUp(Set.of(OWNER, SECOND_WALLET), "8");
        apply(new Minted("8", OWNER), 20, 0);
        apply(new IncreaseLiquidity("8", LIQUIDITY, eth("1"), eth("3")), 20, 1);
        only(LpMinted.class);
        lifecycle.endBlock(20);

        // Between two watched wallets: the desk still holds it.
        apply(new Transferred("8", OWNER, SECOND_WALLET), 21, 0);
        LpTransferred moved = only(LpTransferred.class);
        assertThat(moved.from()).isEqualTo(OWNER);
        assertThat(moved.to()).isEqualTo(SECOND_WALLET);
        assertThat(moved.leftWatchedWallets()).isFalse();
        assertThat(positions.get("8").status()).isEqualTo(PositionStatus.ACTIVE);
        assertThat(positions.get("8").owner()).isEqualTo(SECOND_WALLET);
        lifecycle.endBlock(21);

        // Out of the watched wallets: TRANSFERRED, no longer followed.
        apply(new Transferred("8", SECOND_WALLET, FOREIGN), 22, 0);
        LpTransferred away = only(LpTransferred.class);
        assertThat(away.from()).isEqualTo(SECOND_WALLET);
        assertThat(away.to()).isEqualTo(FOREIGN);
        assertThat(away.leftWatchedWallets()).isTrue();
        assertThat(away.at()).isEqualTo(at(22, 0));
        assertThat(positions.get("8").status()).isEqualTo(PositionStatus.TRANSFERRED);
        assertThat(positions.get("8").followed()).isFalse();
        lifecycle.endBlock(22);

        // The price leaving its range is no longer its business.
        apply(new Swap(POOL, eth("-1"), eth("5"), PRICE_9, LIQUIDITY, TICK_AT_9), 23, 0);
        assertThat(step()).isEmpty();
        assertThat(positions.get("8").status()).isEqualTo(PositionStatus.TRANSFERRED);
    }

    @Test
    void whatTheNewOwnerDoesInTheSamePassIsNotTheDesks() {
        setUp(Set.of(OWNER), "9");
        apply(new Minted("9", OWNER), 30, 0);
        apply(new IncreaseLiquidity("9", LIQUIDITY, eth("1"), eth("3")), 30, 1);
        lifecycle.endBlock(30);
        apply(new Transferred("9", OWNER, FOREIGN), 31, 0);
        lifecycle.endBlock(31);
        assertThat(step()).extracting(Fact::type).containsExactly("LpMinted", "LpTransferred");

        // The foreign owner empties it, collects and adds again, all before the pass ends.
        apply(new DecreaseLiquidity("9", LIQUIDITY, eth("1"), eth("3")), 32, 0);
        lifecycle.endBlock(32);
        apply(new Collect("9", FOREIGN, eth("1"), eth("3")), 33, 0);
        apply(new IncreaseLiquidity("9", LIQUIDITY, eth("1"), eth("3")), 33, 1);
        lifecycle.endBlock(33);

        assertThat(step()).isEmpty();
        assertThat(owedAsked).isEmpty();
        Position position = positions.get("9");
        assertThat(position.status()).isEqualTo(PositionStatus.TRANSFERRED);
        assertThat(position.liquidity()).isEqualTo(LIQUIDITY);
        assertThat(position.withdrawn0()).isZero();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private void setUp(Set<String> wallets, String tokenId) {
        PoolState pool = new PoolState(POOL, TOKEN0, TOKEN1, 3000);
        pool.sqrtPriceX96 = PRICE_4;
        pool.tick = TICK_AT_4;
        pools.put(POOL, pool);
        discoveries.put(tokenId, new Discovery(new OnChainPosition(TOKEN0.address(), TOKEN1.address(), 3000, LOWER,
                UPPER, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO), pool));
        lifecycle = new PositionLifecycle(CHAIN, NPM, wallets, positions, pools, discoveries, (ids, block) -> {
            ids.forEach(id -> owedAsked.add(id + "@" + block));
            return owedAtClose;
        });
    }

    private void apply(UniswapLog log, long block, int logIndex) {
        lifecycle.apply(log, at(block, logIndex));
    }

    /** The facts recorded since the last call. */
    private List<Fact> step() {
        List<Fact> all = lifecycle.facts();
        List<Fact> fresh = List.copyOf(all.subList(seen, all.size()));
        seen = all.size();
        return fresh;
    }

    private <T> T only(Class<T> type) {
        List<Fact> fresh = step();
        assertThat(fresh).hasSize(1);
        assertThat(fresh.get(0).payload()).isInstanceOf(type);
        return type.cast(fresh.get(0).payload());
    }

    private static OnChainPosition owed(BigInteger owed0, BigInteger owed1) {
        return new OnChainPosition(TOKEN0.address(), TOKEN1.address(), 3000, LOWER, UPPER, BigInteger.ZERO,
                BigInteger.ZERO, BigInteger.ZERO, owed0, owed1);
    }

    private static PositionRef ref(String tokenId) {
        return new PositionRef(CHAIN, NPM, tokenId);
    }

    private static ChainRef at(long block, int logIndex) {
        return new ChainRef(block, String.format("0x%064x", block), String.format("0x%064x", 1000 + block), logIndex,
                T0.plusSeconds(12 * block));
    }

    private static BigInteger eth(String whole) {
        return new BigDecimal(whole).movePointRight(18).toBigIntegerExact();
    }
}
