package io.tideline.analytics.backtest;

import static io.tideline.analytics.backtest.BacktestBars.bar;
import static io.tideline.analytics.backtest.BacktestBars.flat;
import static io.tideline.analytics.backtest.BacktestBars.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.amm.TickMath;
import io.tideline.analytics.market.Bar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktesterTest {

    private static final BigInteger CAPITAL = BigInteger.TEN.pow(21); // 1,000 token1
    private static final RebalanceRule NEVER = new RebalanceRule.Periodic(Duration.ofDays(3650));

    private static Strategy strategy(RangeRule range, RebalanceRule rebalance, HedgeRule hedge, Costs costs) {
        return new Strategy("pool", BacktestBars.FEE, range, rebalance, hedge, costs, CAPITAL);
    }

    @Test
    void soleLiquidityEarnsTheFeeTierOfTheVolumeInRangeAndItsShareOfPartialBars() {
        List<Bar> bars = new ArrayList<>();
        bars.add(flat(0, 0, 0));
        for (int i = 1; i <= 10; i++) {
            bars.add(flat(i, 0, 1_000_000_000L)); // in range, alone: 0.3 % of 1e9 = 3,000,000 each
        }
        bars.add(bar(11, -1200, 0, 0, 0, 1_000_000_000L, BigInteger.ZERO)); // half its span in [-600, 600)
        bars.add(bar(12, 900, 900, 900, 0, 1_000_000_000L, BigInteger.ZERO)); // out of range: nothing
        bars.add(flat(13, 0, 0));

        BacktestResult r = Backtester.run(strategy(new RangeRule.FixedWidth(600), NEVER, null, null), series(bars));

        assertThat(r.actions()).hasSize(1);
        assertThat(r.actions().get(0).range()).isEqualTo(new Range(-600, 600));
        assertThat(r.fees1()).isEqualTo(BigInteger.valueOf(10 * 3_000_000L + 1_500_000L));
        assertThat(r.fees0()).isZero();
        // Back at the opening price: what is left beyond capital and fees is the mint/burn rounding, a few wei.
        BigDecimal rounding = r.endEquity().subtract(new BigDecimal(CAPITAL, 18)).subtract(r.feesValue());
        assertThat(rounding).isEqualTo(r.impermanentLoss());
        assertThat(rounding.movePointRight(18).abs().longValue()).isLessThanOrEqualTo(2);
    }

    @Test
    void feesAreTheLiquidityShareOfTheVolume() {
        BigInteger poolLiquidity = BigInteger.TEN.pow(24);
        List<Bar> bars = List.of(flat(0, 0, 0), bar(1, 0, 0, 0, 0, 1_000_000_000_000L, poolLiquidity));

        BacktestResult r = Backtester.run(strategy(new RangeRule.FixedWidth(600), NEVER, null, null), series(bars));

        BigInteger l = r.actions().get(0).liquidity();
        assertThat(r.fees1()).isEqualTo(BigInteger.valueOf(1_000_000_000_000L).multiply(BigInteger.valueOf(3000))
                .multiply(l).divide(BigInteger.valueOf(1_000_000).multiply(poolLiquidity.add(l))));
    }

    @Test
    void impermanentLossAboveTheRangeIsTheTextbookOne() {
        List<Bar> bars = List.of(flat(0, 0, 0), flat(1, 1200, 0));

        BacktestResult r = Backtester.run(strategy(new RangeRule.FixedWidth(600), NEVER, null, null), series(bars));

        // Above the range all is token1: L(√pb − √pa), against holding x0 = L(1/√p0 − 1/√pb), y0 = L(√p0 − √pa).
        double l = r.actions().get(0).liquidity().doubleValue() / Math.pow(2, 96) / 1e18;
        double sa = Math.pow(1.0001, -300);
        double sb = Math.pow(1.0001, 300);
        double p1 = Math.pow(1.0001, 1200);
        double lp = l * (sb - sa);
        double held = l * (1 - 1 / sb) * p1 + l * (1 - sa);
        double expected = (lp - held) * 1e18 * Math.pow(2, 96) / 1e18;
        assertThat(r.impermanentLoss().doubleValue()).isCloseTo(expected, org.assertj.core.data.Percentage
                .withPercentage(1e-6));
        assertThat(r.impermanentLoss()).isNegative();
    }

    @Test
    void periodicRebalancesEveryHourPayingGasForEachMintAndBurn() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i <= 180; i++) {
            bars.add(flat(i, 0, 1000));
        }
        BigInteger gas = BigInteger.TEN.pow(15);

        BacktestResult r = Backtester.run(strategy(new RangeRule.FixedWidth(600),
                new RebalanceRule.Periodic(Duration.ofHours(1)), null, new Costs(gas, 0)), series(bars));

        assertThat(r.rebalances()).isEqualTo(3);
        assertThat(r.actions().stream().filter(a -> a.kind() == Action.Kind.CLOSE).map(Action::step))
                .containsExactly(60, 120, 180);
        assertThat(r.gas()).isEqualTo(new BigDecimal(gas.multiply(BigInteger.valueOf(7)), 18));
    }

    @Test
    void outOfRangeForFiveMinutesRebalancesAtTheFifthBarOut() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            bars.add(flat(i, i < 10 ? 0 : 900, 0));
        }

        BacktestResult r = Backtester.run(strategy(new RangeRule.FixedWidth(600),
                new RebalanceRule.OutOfRangeFor(Duration.ofMinutes(5)), null, null), series(bars));

        assertThat(r.actions().stream().filter(a -> a.kind() == Action.Kind.CLOSE).map(Action::step))
                .containsExactly(15);
        assertThat(r.actions().get(r.actions().size() - 1).range()).isEqualTo(new Range(300, 1500));
    }

    @Test
    void bandRuleActsOnlyBeyondTheBand() {
        List<Bar> bars = List.of(flat(0, 0, 0), flat(1, 120, 0), flat(2, 121, 0));

        BacktestResult r = Backtester.run(strategy(new RangeRule.Asymmetric(600, 600),
                new RebalanceRule.PriceBeyondBand(120), null, null), series(bars));

        assertThat(r.actions().stream().filter(a -> a.kind() == Action.Kind.CLOSE).map(Action::step))
                .containsExactly(2);
    }

    @Test
    void deltaNeutralShortEarnsTheFallOfToken0AndPaysItsFeeAndFunding() {
        List<Bar> bars = new ArrayList<>();
        bars.add(flat(0, 0, 0));
        bars.add(flat(1, -100, 0));
        HedgeRule hedge = new HedgeRule.DeltaNeutralPerp(new BigDecimal("10"), new BigDecimal("0.001"),
                new BigDecimal("0.0144"));

        BacktestResult r = Backtester.run(strategy(new RangeRule.FixedWidth(600), NEVER, hedge, null), series(bars));

        BigInteger h = r.actions().get(1).hedge();
        assertThat(r.actions().get(1).kind()).isEqualTo(Action.Kind.HEDGE);
        assertThat(h).isEqualTo(r.actions().get(0).amount0());
        BigInteger p0 = BigInteger.ONE.shiftLeft(192); // tick 0: price 1
        BigInteger p1 = TickMath.getSqrtRatioAtTick(-100).pow(2);
        BigInteger pricePnl = h.multiply(p0.subtract(p1)).shiftRight(192);
        BigInteger fee = h.add(BigInteger.valueOf(999)).divide(BigInteger.valueOf(1000)); // ceil(0.001 · h · 1)
        // 0.0144 a day for a minute = 0.00001 of the notional at the new price
        BigInteger funding = h.multiply(p1).shiftRight(192).divide(BigInteger.valueOf(100_000));
        assertThat(r.hedgePricePnl()).isEqualTo(new BigDecimal(pricePnl, 18));
        assertThat(r.perpFees()).isEqualTo(new BigDecimal(fee, 18));
        assertThat(r.funding()).isEqualTo(new BigDecimal(funding, 18));
        assertThat(r.hedgePnl()).isEqualTo(new BigDecimal(pricePnl.add(funding).subtract(fee), 18));
    }

    @Test
    void refusesAStrategyOfAnotherFeeTier() {
        Strategy s = new Strategy("pool", 500, new RangeRule.FixedWidth(600), NEVER, null, null, CAPITAL);
        assertThatThrownBy(() -> Backtester.run(s, series(List.of(flat(0, 0, 0)))))
                .hasMessageContaining("fee tier 500");
    }
}
