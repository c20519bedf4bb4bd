package io.tideline.analytics.suggestion;

import io.tideline.analytics.backtest.BacktestResult;
import io.tideline.analytics.backtest.BarTape;
import io.tideline.analytics.backtest.Backtester;
import io.tideline.analytics.backtest.RangeRule;
import io.tideline.analytics.backtest.Strategy;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.PoolSeries;
import io.tideline.analytics.regime.RegimeMethod;
import io.tideline.analytics.regime.RegimeReading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Suggests a fee tier and a range width by a grid search over the backtester, walk-forward: on each training window
 * every (pool, half width) pair of the grid is backtested and the best return is chosen; that choice is then backtested
 * on the following test window, which the choice never saw. The suggestion is the choice on the latest training window,
 * with the folds as its out-of-sample record.
 *
 * <p>The pools are the same pair at different fee tiers, with bars at the same times. The template strategy gives the
 * rebalance rule, hedge, costs and capital; the grid gives the range (fixed half widths, in ticks). Ties go to the
 * earlier pool and then the earlier width of the grid, so list the conservative ones first. The regime of the
 * chosen pool's last bar comes with the suggestion.
 */
public final class RangeSearch {

    private static final int SCALE = 8;

    private RangeSearch() {
    }

    public static RangeSuggestion suggest(List<PoolSeries> pools, List<Integer> halfWidths, Strategy template,
            WalkForwardPlan plan) {
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("pools: at least one is needed");
        }
        if (halfWidths.isEmpty()) {
            throw new IllegalArgumentException("halfWidths: at least one is needed");
        }
        int n = pools.get(0).bars().size();
        for (PoolSeries pool : pools) {
            if (pool.bars().size() != n) {
                throw new IllegalArgumentException("pools: every pool needs the same bars; " + pool.pool() + " has "
                        + pool.bars().size() + ", " + pools.get(0).pool() + " " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!pool.bars().get(i).start().equals(pools.get(0).bars().get(i).start())) {
                    throw new IllegalArgumentException("pools: bar " + i + " of " + pool.pool()
                            + " starts at another time than " + pools.get(0).pool() + "'s");
                }
            }
        }
        if (n < plan.trainBars()) {
            throw new IllegalArgumentException("the series has " + n + " bars, fewer than trainBars ("
                    + plan.trainBars() + ")");
        }
        // Each pool's bars are laid out once and every window of every (pool, width) run reads a slice of them.
        List<BarTape> tapes = pools.stream().map(BarTape::of).toList();
        List<Fold> folds = new ArrayList<>();
        for (int from = 0; from + plan.trainBars() + plan.testBars() <= n; from += plan.testBars()) {
            int testFrom = from + plan.trainBars();
            int testTo = testFrom + plan.testBars();
            Choice choice = best(pools, tapes, halfWidths, template, from, testFrom);
            BigDecimal tested = returnOf(run(choice.pool, choice.tape, choice.halfWidth, template, testFrom, testTo));
            List<Bar> bars = choice.pool.bars();
            folds.add(new Fold(bars.get(from).start(), bars.get(testFrom).start(), bars.get(testTo - 1).end(),
                    choice.pool.pool(), choice.pool.feePips(), choice.halfWidth, choice.trainReturn, tested));
        }
        Choice latest = best(pools, tapes, halfWidths, template, n - plan.trainBars(), n);
        BigDecimal mean = folds.isEmpty() ? null : folds.stream().map(Fold::testReturn)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(folds.size()), SCALE, RoundingMode.HALF_EVEN);
        List<RegimeReading> readings = RegimeMethod.STANDARD.read(latest.pool);
        return new RangeSuggestion(latest.pool.pool(), latest.pool.feePips(), latest.halfWidth, latest.trainReturn,
                folds, mean, readings.isEmpty() ? null : readings.get(readings.size() - 1));
    }

    private record Choice(PoolSeries pool, BarTape tape, int halfWidth, BigDecimal trainReturn) {
    }

    private static Choice best(List<PoolSeries> pools, List<BarTape> tapes, List<Integer> halfWidths,
            Strategy template, int from, int to) {
        Choice best = null;
        for (int p = 0; p < pools.size(); p++) {
            PoolSeries pool = pools.get(p);
            for (int halfWidth : halfWidths) {
                BigDecimal r = returnOf(run(pool, tapes.get(p), halfWidth, template, from, to));
                if (best == null || r.compareTo(best.trainReturn) > 0) {
                    best = new Choice(pool, tapes.get(p), halfWidth, r);
                }
            }
        }
        return best;
    }

    private static BacktestResult run(PoolSeries pool, BarTape tape, int halfWidth, Strategy template, int from,
            int to) {
        Strategy strategy = new Strategy(pool.pool(), pool.feePips(), new RangeRule.FixedWidth(halfWidth),
                template.rebalance(), template.hedge(), template.costs(), template.capital());
        return Backtester.run(strategy, tape.slice(from, to));
    }

    private static BigDecimal returnOf(BacktestResult result) {
        return result.endEquity().divide(result.startEquity(), MathContext.DECIMAL128).subtract(BigDecimal.ONE)
                .setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
