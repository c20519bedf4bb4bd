package io.tideline.bench.analytics;

import io.tideline.analytics.risk.CorrelationMatrix;
import io.tideline.analytics.risk.ReturnPeriod;
import io.tideline.analytics.risk.Returns;
import io.tideline.analytics.risk.RiskCalculator;
import io.tideline.analytics.risk.RiskConventions;
import io.tideline.analytics.risk.RiskMetrics;
import io.tideline.analytics.risk.ValuePoint;
import io.tideline.analytics.risk.ValueSeries;
import io.tideline.bench.lp.LoadAverage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * analytics' risk metrics over five years of hourly snapshots (43,800 points) for STRATEGIES strategies, in this JVM:
 * the series are made first (values at scale 18, as snapshots hold them; not timed), then every metric of every
 * strategy (volatility, Sharpe, Sortino, Calmar, drawdown with dates, historical and parametric VaR/CVaR at 95 and
 * 99 %) is computed, hourly and daily, and timed; then the correlation matrix of CORRELATED strategies' hourly returns.
 * Reading the snapshots from PostgreSQL is not in the figure. Args: [strategies = 500] [correlated = 100] [rounds = 3].
 */
public final class RiskMetricsBenchmark {

    private static final int HOURS = 5 * 8760;

    public static void main(String[] args) {
        int strategies = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int correlated = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf(Locale.ROOT, "risk metrics: %d strategies x %d hourly snapshots; %d cores, load %s%n",
                strategies, HOURS, Runtime.getRuntime().availableProcessors(), LoadAverage.read());
        List<Instant> times = new ArrayList<>(HOURS);
        Instant t0 = Instant.parse("2021-01-01T00:00:00Z");
        for (int h = 0; h < HOURS; h++) {
            times.add(t0.plus(Duration.ofHours(h)));
        }
        List<List<ValuePoint>> series = new ArrayList<>(strategies);
        long made = System.nanoTime();
        for (int s = 0; s < strategies; s++) {
            series.add(series(times, new Random(s)));
        }
        System.out.printf(Locale.ROOT, "series made in %.1f s (not timed)%n", (System.nanoTime() - made) / 1e9);
        Map<String, List<ValuePoint>> byName = new HashMap<>();
        for (int s = 0; s < strategies; s++) {
            byName.put("s" + s, series.get(s));
        }
        RiskCalculator hourly = new RiskCalculator(RiskConventions.of(ReturnPeriod.HOURLY));
        RiskCalculator daily = new RiskCalculator(RiskConventions.of(ReturnPeriod.DAILY));
        double checksum = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            for (List<ValuePoint> s : series) {
                RiskMetrics m = hourly.metrics(s);
                checksum += m.volatility() + m.drawdown().maxDrawdown();
            }
            double hourlySeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            List<ValueSeries> laidOut = new ArrayList<>(strategies);
            for (List<ValuePoint> s : series) {
                laidOut.add(ValueSeries.of(s));
            }
            double layoutSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            for (ValueSeries s : laidOut) {
                RiskMetrics m = hourly.metrics(s);
                checksum += m.volatility() + m.drawdown().maxDrawdown();
            }
            double laidOutSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            for (RiskMetrics m : hourly.metricsOfAll(byName).values()) {
                checksum += m.volatility();
            }
            double parallelSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            for (List<ValuePoint> s : series) {
                List<ValuePoint> days = new ArrayList<>(HOURS / 24 + 1);
                for (int i = 23; i < s.size(); i += 24) {
                    days.add(s.get(i));
                }
                checksum += daily.metrics(days).volatility();
            }
            double dailySeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: hourly metrics of %d strategies from their points in %.3f s on"
                    + " one thread, %.3f s on all cores (aim < 1 s: %s); laying the points out %.3f s, then the metrics"
                    + " %.3f s on one thread; daily in %.3f s on one thread%n", round, strategies, hourlySeconds,
                    parallelSeconds, Math.min(hourlySeconds, parallelSeconds) < 1 ? "met" : "NOT met", layoutSeconds,
                    laidOutSeconds, dailySeconds);
        }
        Map<String, Returns> returns = new HashMap<>();
        for (int s = 0; s < Math.min(correlated, strategies); s++) {
            returns.put("s" + s, Returns.simple(series.get(s)));
        }
        long start = System.nanoTime();
        CorrelationMatrix matrix = CorrelationMatrix.of(returns);
        System.out.printf(Locale.ROOT, "correlation matrix of %d strategies' hourly returns (%d pairs) in %.3f s%n",
                returns.size(), returns.size() * (returns.size() - 1) / 2, (System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "checksum %.6f %s; load after %s%n", checksum, matrix.values()[0][1],
                LoadAverage.read());
    }

    /** A random walk with 1 % hourly volatility from 1,000,000 dollars, at scale 18. */
    private static List<ValuePoint> series(List<Instant> times, Random random) {
        List<ValuePoint> s = new ArrayList<>(times.size());
        double v = 1_000_000;
        for (Instant t : times) {
            s.add(new ValuePoint(t, BigDecimal.valueOf(v).setScale(18, RoundingMode.HALF_EVEN)));
            v *= 1 + random.nextGaussian() * 0.01;
        }
        return s;
    }
}
