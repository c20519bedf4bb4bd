package io.tideline.analytics.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.amm.TokenAmounts;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.TestChain;
import io.tideline.testing.uniswap.UniswapDriver;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The backtester's exact mode against the real contracts: a strategy's position is minted on the local Hardhat
 * chain's Uniswap v3 pool and the same swaps are sent through the router; every swap's Swap event, the mint, what a
 * {@code collect} would pay (fees) and what a {@code decreaseLiquidity} of everything would credit must equal, to the
 * wei, what the backtester computed from the pool's state before the mint and the swap orders alone.
 */
class BacktestAgainstPoolOnChainTest {

    @Test
    void feesAndAmountsOfTheBacktestedPositionAreTheContractsToTheWei() {
        TestChain chain = TestChain.shared();
        ChainDeployment deployment = chain.deployment();
        UniswapDriver driver = new UniswapDriver(chain);
        String owner = deployment.accounts().owner().address();
        String trader = deployment.accounts().trader().address();
        driver.fund(owner, driver.weth("100"), driver.usdc("300000"));
        driver.fund(trader, driver.weth("100"), driver.usdc("300000"));
        boolean wethIs0 = deployment.wethIsToken0();
        int spacing = deployment.pool().tickSpacing();

        UniswapDriver.Slot0 slot0 = driver.slot0();
        int center = Math.floorDiv(slot0.tick(), spacing) * spacing;
        int lower = center - 10 * spacing;
        int upper = center + 10 * spacing;
        Set<Integer> watched = new LinkedHashSet<>(List.of(lower, upper));
        if (deployment.initialPosition() != null) {
            watched.add(deployment.initialPosition().tickLower());
            watched.add(deployment.initialPosition().tickUpper());
        }
        List<ExactPool.InitializedTick> ticks = new ArrayList<>();
        for (int t : watched) {
            UniswapDriver.TickInfo info = driver.tick(t);
            if (info.liquidityGross().signum() > 0) {
                ticks.add(new ExactPool.InitializedTick(t, info.liquidityGross(), info.liquidityNet(),
                        info.feeGrowthOutside0X128(), info.feeGrowthOutside1X128()));
            }
        }
        ExactPool.State state = new ExactPool.State(UniswapDriver.FEE, spacing, slot0.sqrtPriceX96(), slot0.tick(),
                driver.poolLiquidity(), driver.feeGrowthGlobalX128(0), driver.feeGrowthGlobalX128(1), ticks);

        // Swaps both ways, selling WETH (≈0.2) and USDC (≈500) in turn, some twice in a row.
        BigInteger weth = driver.weth("0.2");
        BigInteger usdc = driver.usdc("500");
        boolean[] sellWeth = {true, false, false, true, true, false, true, false};
        List<SwapOrder> orders = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < sellWeth.length; i++) {
            boolean zeroForOne = sellWeth[i] == wethIs0;
            orders.add(new SwapOrder(start.plusSeconds(60L * (i + 1)), zeroForOne,
                    sellWeth[i] ? weth.add(BigInteger.valueOf(i)) : usdc.add(BigInteger.valueOf(i))));
        }
        BigInteger capital = wethIs0 ? driver.usdc("5000") : driver.weth("2");
        Strategy strategy = new Strategy(deployment.pool().address(), UniswapDriver.FEE,
                new RangeRule.Asymmetric(slot0.tick() - lower, upper - slot0.tick()),
                new RebalanceRule.Periodic(Duration.ofDays(3650)), null, null, capital);
        int decimals1 = wethIs0 ? deployment.tokens().usdc().decimals() : deployment.tokens().weth().decimals();

        Backtester.SwapReplay replay = Backtester.run(strategy, state, start, orders, decimals1);

        Action open = replay.result().actions().get(0);
        assertThat(open.kind()).isEqualTo(Action.Kind.OPEN);
        assertThat(open.range()).isEqualTo(new Range(lower, upper));
        TokenAmounts desired = replay.desired().get(0);
        UniswapDriver.LiquidityChange minted = driver.mint(owner, lower, upper, desired.amount0(), desired.amount1());
        assertThat(minted.liquidity()).isEqualTo(open.liquidity());
        assertThat(minted.amount0()).isEqualTo(open.amount0());
        assertThat(minted.amount1()).isEqualTo(open.amount1());

        for (int i = 0; i < orders.size(); i++) {
            UniswapDriver.Swapped swapped = driver.swapExactInput(trader, orders.get(i).zeroForOne(),
                    orders.get(i).amountIn());
            ExactPool.Executed expected = replay.executed().get(i);
            assertThat(new ExactPool.Executed(swapped.amount0(), swapped.amount1(), swapped.sqrtPriceX96(),
                    swapped.liquidity(), swapped.tick())).as("swap %d", i).isEqualTo(expected);
        }
        assertThat(driver.feeGrowthGlobalX128(0)).isEqualTo(replay.pool().feeGrowthGlobal0X128());
        assertThat(driver.feeGrowthGlobalX128(1)).isEqualTo(replay.pool().feeGrowthGlobal1X128());

        TokenAmounts fees = driver.staticCollect(owner, minted.tokenId());
        TokenAmounts amounts = driver.staticDecreaseLiquidity(owner, minted.tokenId(), minted.liquidity());
        assertThat(fees.amount0().signum() + fees.amount1().signum()).as("the swaps paid fees both ways")
                .isEqualTo(2);
        assertThat(new TokenAmounts(replay.result().fees0(), replay.result().fees1())).isEqualTo(fees);
        assertThat(replay.pool().owed(replay.positionId())).isEqualTo(fees);
        assertThat(replay.pool().amountsIfRemoved(replay.positionId())).isEqualTo(amounts);
    }
}
