package io.tideline.lp.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.amm.TokenAmounts;
import io.tideline.events.EventEnvelope;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpValued;
import io.tideline.testing.TidelineTestResources;
import io.tideline.testing.uniswap.UniswapDriver;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The money lp-tracker computes — a position's value, its impermanent loss and the realized P&amp;L at its close —
 * against the same quantities worked out here from what the Uniswap contracts answer at the block valued (a
 * {@code decreaseLiquidity} and a {@code collect} simulated as the owner, the pool's {@code slot0}) and the formulas
 * of lp-tracker's README, written out below. Nothing of lp-tracker's valuation code is used to get the expected values.
 *
 * <p>The README's formulas, with d0/d1 the tokens' decimals and amounts raw integers:
 * <ul>
 * <li>P = sqrtPriceX96² · 10^(d0−d1) / 2^192, token1 per token0 in whole units, rounded half-even to 36 places;</li>
 * <li>V(x0, x1) at P = x0 · 10^−d0 · P + x1 · 10^−d1, exact, then rounded half-even to 18 places;</li>
 * <li>value = V(amounts + owed) at the price now, where amounts = what removing all liquidity would credit and owed
 *     = what a collect would pay now (fees, and withdrawn principal not collected yet);</li>
 * <li>impermanent loss = V(amounts) − V(deposits − withdrawals), both at the price now;</li>
 * <li>realized P&amp;L = V(withdrawals + fees) at the closing price − Σ V(deposit) at the price when each was made,
 *     where fees = every collect's amount beyond the withdrawn principal owed when it ran, plus what stays owed
 *     beyond the principal at the close.</li>
 * </ul>
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ChainTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PositionMoneyOnChainTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final BigDecimal Q192 = new BigDecimal(BigInteger.TWO.pow(192));

    private static ChainFixture fx;
    private static StaticCalls contracts;
    private static LpEvents events;

    @BeforeAll
    static void connect() {
        fx = new ChainFixture();
        contracts = new StaticCalls(fx.chain);
        events = new LpEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void valueAndImpermanentLossAreWhatThePositionWouldPayOutAtThePriceValued() {
        int c = fx.centerTick();
        UniswapDriver.LiquidityChange minted = fx.mint(c - 600, c + 660);
        BigInteger id = minted.tokenId();
        fx.driver.swapToTick(fx.trader, c + 180);
        UniswapDriver.LiquidityChange added = fx.increase(id);
        fx.driver.swapToTick(fx.trader, c - 240);
        fx.driver.swapToTick(fx.trader, c + 60);
        BigInteger liquidity = minted.liquidity().add(added.liquidity());
        UniswapDriver.LiquidityChange removed = fx.driver.decreaseLiquidity(fx.owner, id,
                liquidity.divide(BigInteger.valueOf(3)));
        UniswapDriver.Swapped last = fx.driver.swapToTick(fx.trader, c + 300);
        fx.settle();

        Instant lastTime = fx.blockTime(last.blockNumber());
        long head = fx.chain.blockNumber();
        // of this chain: a broker shared with another run may hold LpValued of the same key from another chain
        LpValued valued = events.positions(fx.key(id), LpValued.class,
                v -> v.blockNumber() >= last.blockNumber() && v.blockNumber() <= head
                        && !v.valuedAt().isBefore(lastTime)
                        && v.sqrtPriceX96().equals(contracts.sqrtPriceX96(v.blockNumber())), 1, WAIT).stream()
                .map(EventEnvelope::payload)
                .findFirst().orElseThrow(() -> new AssertionError("no LpValued of " + id + " after the last swap"));

        long block = valued.blockNumber();
        BigInteger liquidityNow = liquidity.subtract(removed.liquidity());
        TokenAmounts amounts = contracts.decreaseLiquidity(fx.owner, id, liquidityNow, block);
        TokenAmounts owed = contracts.collect(fx.owner, id, block);
        BigDecimal price = price(contracts.sqrtPriceX96(block));
        BigInteger held0 = minted.amount0().add(added.amount0()).subtract(removed.amount0());
        BigInteger held1 = minted.amount1().add(added.amount1()).subtract(removed.amount1());

        assertThat(valued.liquidity()).isEqualTo(liquidityNow);
        assertThat(valued.amount0()).isEqualTo(amounts.amount0());
        assertThat(valued.amount1()).isEqualTo(amounts.amount1());
        // The decrease's principal is owed but not collected: it is in the value, not in the fees.
        assertThat(valued.uncollectedFees0()).isEqualTo(owed.amount0().subtract(removed.amount0()));
        assertThat(valued.uncollectedFees1()).isEqualTo(owed.amount1().subtract(removed.amount1()));
        assertThat(valued.price()).isEqualTo(price.setScale(18, RoundingMode.HALF_EVEN).stripTrailingZeros());
        assertThat(valued.valueToken1()).isEqualTo(value(amounts.amount0().add(owed.amount0()),
                amounts.amount1().add(owed.amount1()), price));
        assertThat(valued.impermanentLossToken1()).isEqualTo(value(amounts.amount0(), amounts.amount1(), price)
                .subtract(value(held0, held1, price)));
    }

    @Test
    void realizedPnlAtCloseIsWhatCameOutAtTheClosingPriceLessWhatWentInWhenItWentIn() {
        int c = fx.centerTick();
        UniswapDriver.LiquidityChange minted = fx.mint(c - 600, c + 660);
        BigInteger id = minted.tokenId();
        fx.driver.swapToTick(fx.trader, c + 180);
        UniswapDriver.LiquidityChange added = fx.increase(id);
        fx.driver.swapToTick(fx.trader, c - 240);
        fx.driver.swapToTick(fx.trader, c + 60);
        UniswapDriver.Collected feesOnly = fx.driver.collect(fx.owner, id, fx.owner);
        BigInteger liquidity = minted.liquidity().add(added.liquidity());
        UniswapDriver.LiquidityChange half = fx.driver.decreaseLiquidity(fx.owner, id, liquidity.shiftRight(1));
        fx.driver.swapToTick(fx.trader, c - 120);
        UniswapDriver.LiquidityChange rest = fx.driver.decreaseLiquidity(fx.owner, id,
                liquidity.subtract(liquidity.shiftRight(1)));
        fx.settle();

        String closeBlock = fx.blockHash(rest.blockNumber());
        LpClosed closed = events.positions(fx.key(id), LpClosed.class,
                e -> e.at().blockHash().equals(closeBlock), 1, WAIT).stream().map(EventEnvelope::payload)
                .findFirst().orElseThrow(() -> new AssertionError("no LpClosed of " + id));

        BigInteger withdrawn0 = half.amount0().add(rest.amount0());
        BigInteger withdrawn1 = half.amount1().add(rest.amount1());
        // At the close nothing is in the pool any more: a collect would pay the withdrawn principal and the fees
        // earned since the first collect (which paid fees only: nothing had been withdrawn yet).
        TokenAmounts owedAtClose = contracts.collect(fx.owner, id, rest.blockNumber());
        BigInteger fees0 = feesOnly.amount0().add(owedAtClose.amount0().subtract(withdrawn0));
        BigInteger fees1 = feesOnly.amount1().add(owedAtClose.amount1().subtract(withdrawn1));
        BigDecimal cost = value(minted.amount0(), minted.amount1(), price(contracts.sqrtPriceX96(minted.blockNumber())))
                .add(value(added.amount0(), added.amount1(), price(contracts.sqrtPriceX96(added.blockNumber()))));
        BigDecimal proceeds = value(withdrawn0.add(fees0), withdrawn1.add(fees1),
                price(contracts.sqrtPriceX96(rest.blockNumber())));

        assertThat(closed.reason()).isEqualTo(LpClosed.Reason.LIQUIDITY_REMOVED);
        assertThat(closed.amount0Withdrawn()).isEqualTo(withdrawn0);
        assertThat(closed.amount1Withdrawn()).isEqualTo(withdrawn1);
        assertThat(closed.fees0Collected()).isEqualTo(fees0);
        assertThat(closed.fees1Collected()).isEqualTo(fees1);
        assertThat(fees0.signum() + fees1.signum()).isPositive();
        assertThat(closed.realizedPnlToken1()).isEqualTo(proceeds.subtract(cost));
    }

    /** P = sqrtPriceX96² · 10^(d0−d1) / 2^192, rounded half-even to 36 places (1 / 2^192 is a finite decimal). */
    private static BigDecimal price(BigInteger sqrtPriceX96) {
        return new BigDecimal(sqrtPriceX96.pow(2)).scaleByPowerOfTen(fx.decimals0() - fx.decimals1()).divide(Q192)
                .setScale(36, RoundingMode.HALF_EVEN);
    }

    /** V(x0, x1) = x0 · 10^−d0 · P + x1 · 10^−d1, exact, rounded half-even to 18 places once. */
    private static BigDecimal value(BigInteger amount0, BigInteger amount1, BigDecimal price) {
        return new BigDecimal(amount0, fx.decimals0()).multiply(price).add(new BigDecimal(amount1, fx.decimals1()))
                .setScale(18, RoundingMode.HALF_EVEN);
    }
}
