package io.tideline.analytics.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.analytics.market.Bar;
import io.tideline.analytics.risk.ValuePoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Causality: a decision at bar t may read bars up to t only. Replacing every bar after t by another future must leave
 * every action at or before t, and the equity curve up to t, exactly as they were — for many random t.
 */
class BacktestCausalityTest {

    @Test
    void changingFutureBarsNeverChangesAPastDecision() {
        List<Bar> bars = BacktestBars.walk(List.of(), 3000, 42);
        Strategy strategy = new Strategy("pool", BacktestBars.FEE,
                new RangeRule.VolatilityScaled(60, new BigDecimal("0.5"), 60, 3000),
                new RebalanceRule.OutOfRangeFor(Duration.ofMinutes(5)),
                new HedgeRule.DeltaNeutralPerp(new BigDecimal("0.05"), new BigDecimal("0.0005"),
                        new BigDecimal("0.0003")),
                new Costs(BigInteger.TEN.pow(15), 300), BigInteger.TEN.pow(21));
        BacktestResult base = Backtester.run(strategy, BacktestBars.series(bars));
        assertThat(base.rebalances()).as("a test of decisions needs decisions").isGreaterThan(10);

        Random random = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int t = random.nextInt(bars.size() - 1);
            List<Bar> perturbed = BacktestBars.walk(bars.subList(0, t + 1), bars.size(), random.nextLong());
            BacktestResult other = Backtester.run(strategy, BacktestBars.series(perturbed));

            assertThat(upTo(other.actions(), t)).as("actions up to bar %d", t).isEqualTo(upTo(base.actions(), t));
            List<ValuePoint> curve = base.equityCurve().subList(0, t + 1);
            assertThat(other.equityCurve().subList(0, t + 1)).as("equity up to bar %d", t).isEqualTo(curve);
            assertThat(other.equityCurve()).isNotEqualTo(base.equityCurve());
        }
    }

    private static List<Action> upTo(List<Action> actions, int t) {
        return actions.stream().filter(a -> a.step() <= t).toList();
    }
}
