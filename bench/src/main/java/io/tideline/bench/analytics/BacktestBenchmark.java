package io.tideline.bench.analytics;

import io.tideline.amm.TickMath;
import io.tideline.analytics.backtest.BacktestResult;
import io.tideline.analytics.backtest.Backtester;
import io.tideline.analytics.backtest.BarTape;
import io.tideline.analytics.backtest.Costs;
import io.tideline.analytics.backtest.HedgeRule;
import io.tideline.analytics.backtest.RangeRule;
import io.tideline.analytics.backtest.RebalanceRule;
import io.tideline.analytics.backtest.Strategy;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.PoolSeries;
import io.tideline.bench.Median;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * analytics' backtester over one year of 1-minute bars (525,600) of a synthetic pool (a random walk of ticks with
 * random volumes and liquidity): one strategy (volatility-scaled range, out-of-range rebalance, delta-neutral perp,
 * gas and slippage) timed against the 1 s aim, then a grid of 100 strategies run in parallel. Beside them, in the same
 * run, a fixed BigInteger workload over the same bars calibrates the machine's load.
 */
public final class BacktestBenchmark {

    private BacktestBenchmark() {
    }

    public static void main(String[] args) {
        int bars = args.length > 0 ? Integer.parseInt(args[0]) : 525_600;
        int grid = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        PoolSeries series = series(bars, 1);
        Strategy single = strategy(600, Duration.ofMinutes(30));

        for (int i = 0; i < 2; i++) {
            Backtester.run(single, series); // warm-up
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] singleCpuNanos = new long[rounds];
        long[] singleNanos = new long[rounds];
        long[] tapeNanos = new long[rounds];
        long[] runNanos = new long[rounds];
        long[] baselineNanos = new long[rounds];
        BacktestResult result = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            baseline(series);
            baselineNanos[r] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            result = Backtester.run(single, series);
            singleCpuNanos[r] = threads.getCurrentThreadCpuTime() - cpu0;
            singleNanos[r] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            BarTape laidOut = BarTape.of(series);
            tapeNanos[r] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            Backtester.run(single, laidOut);
            runNanos[r] = System.nanoTime() - t0;
        }
        System.out.printf("bars: %,d (1-minute, one year); cores: %d%n", bars,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("single strategy: best %.3f s, median %.3f s (aim < 1 s: %s); rebalances %d, actions %d,"
                        + " end equity %s%n", best(singleNanos), median(singleNanos),
                best(singleNanos) < 1.0 ? "met" : "NOT met", result.rebalances(), result.actions().size(),
                result.endEquity().toPlainString());
        System.out.printf("  of which: laying the bars out (BarTape, shared by a grid) best %.3f s; the run over a laid-out"
                + " tape best %.3f s, median %.3f s%n", best(tapeNanos), best(runNanos), median(runNanos));
        System.out.printf("  CPU time of the single run's thread (what the load does not inflate as much): best %.3f s,"
                + " median %.3f s%n", best(singleCpuNanos), median(singleCpuNanos));
        System.out.printf("baseline (same run): fixed BigInteger workload over the bars, best %.3f s, median %.3f s%n",
                best(baselineNanos), median(baselineNanos));

        List<Strategy> strategies = new ArrayList<>();
        for (int w = 0; w < grid; w++) {
            strategies.add(strategy(120 + 60 * (w % 10), Duration.ofMinutes(5L + 10L * (w / 10))));
        }
        long t0 = System.nanoTime();
        BarTape tape = BarTape.of(series); // laid out once, shared by every strategy of the grid
        long rebalances = strategies.parallelStream().mapToLong(s -> Backtester.run(s, tape).rebalances()).sum();
        double gridSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("grid of %d strategies in parallel: %.2f s (%.3f s a strategy over %d cores; sequential"
                        + " estimate from the single figure %.1f s); rebalances in all %,d%n", grid, gridSeconds,
                gridSeconds / grid, Runtime.getRuntime().availableProcessors(), best(singleNanos) * grid, rebalances);
    }

    static Strategy strategy(int halfWidth, Duration outOfRange) {
        return new Strategy("bench", 3000, new RangeRule.VolatilityScaled(240, new BigDecimal("1.5"), halfWidth / 2,
                halfWidth * 4), new RebalanceRule.OutOfRangeFor(outOfRange),
                new HedgeRule.DeltaNeutralPerp(new BigDecimal("0.1"), new BigDecimal("0.0005"),
                        new BigDecimal("0.0003")),
                new Costs(BigInteger.valueOf(2_000_000L), 500), BigInteger.valueOf(100_000_000_000L));
    }

    /** A WETH/USDC-like pool (token1 6 decimals) around tick −196,000, random walk of ±12 ticks a minute. */
    static PoolSeries series(int count, long seed) {
        Random random = new Random(seed);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        List<Bar> bars = new ArrayList<>(count);
        int tick = -196_000;
        BigInteger liquidity = new BigInteger("30000000000000000000");
        for (int i = 0; i < count; i++) {
            int next = tick + random.nextInt(25) - 12;
            BigInteger sqrt = TickMath.getSqrtRatioAtTick(next);
            bars.add(new Bar(t0.plusSeconds(60L * i), BarInterval.M1, TickMath.getSqrtRatioAtTick(tick),
                    Math.min(tick, next), Math.max(tick, next), sqrt, next,
                    BigInteger.valueOf(random.nextInt(50)).multiply(BigInteger.TEN.pow(17)),
                    BigInteger.valueOf(random.nextInt(100_000)).multiply(BigInteger.TEN.pow(6)), liquidity, 5));
            tick = next;
        }
        return new PoolSeries("bench", 3000, 60, 18, 6, BarInterval.M1, bars);
    }

    /** A fixed workload: each bar's close squared and shifted, summed (what valuing a token amount costs). */
    static BigInteger baseline(PoolSeries series) {
        BigInteger sum = BigInteger.ZERO;
        for (Bar b : series.bars()) {
            sum = sum.add(b.volume0In().multiply(b.closeSqrtPriceX96().pow(2)).shiftRight(192));
        }
        return sum;
    }

    private static double best(long[] nanos) {
        return Arrays.stream(nanos).min().orElseThrow() / 1e9;
    }

    private static double median(long[] nanos) {
        return Median.of(Arrays.stream(nanos).asDoubleStream().toArray()) / 1e9;
    }
}
