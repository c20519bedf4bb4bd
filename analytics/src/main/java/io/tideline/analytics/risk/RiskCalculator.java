package io.tideline.analytics.risk;

import java.util.List;

/** Computes {@link RiskMetrics} from a value series under stated {@link RiskConventions}; pure. */
public final class RiskCalculator {

    /** The confidence levels VaR and CVaR are reported at. */
    public static final List<Double> CONFIDENCES = List.of(0.95, 0.99);

    private final RiskConventions conventions;

    public RiskCalculator(RiskConventions conventions) {
        this.conventions = conventions;
    }

    public RiskMetrics metrics(List<ValuePoint> series) {
        return metrics(ValueSeries.of(series));
    }

    /** As {@link #metrics(List)}, over a series already laid out. */
    public RiskMetrics metrics(ValueSeries series) {
        double[] r = Returns.values(series);
        int periods = conventions.period().periodsPerYear();
        double sqrtPeriods = Math.sqrt(periods);
        double mean = Statistics.mean(r);
        double stdev = Statistics.sampleStdDev(r);
        double excess = mean - conventions.riskFreeRate() / periods;
        Double sharpe = finite(stdev > 0 ? excess / stdev * sqrtPeriods : Double.NaN);
        Double sortino = finite(sortino(r, sqrtPeriods));
        double annualised = annualisedReturn(r, periods);
        Drawdown drawdown = Drawdown.of(series);
        Double calmar = finite(drawdown.maxDrawdown() > 0 ? annualised / drawdown.maxDrawdown() : Double.NaN);
        double[] sorted = TailQuantiles.smallestSorted(r, CONFIDENCES.stream().mapToDouble(c -> c).min()
                .orElse(0.95));
        List<TailRisk> tails = CONFIDENCES.stream().map(c -> TailQuantiles.at(r, sorted, mean, stdev, c)).toList();
        return new RiskMetrics(conventions.period(), r.length, finite(mean), finite(stdev * sqrtPeriods),
                finite(annualised), sharpe, sortino,
                calmar, drawdown, tails);
    }

    /** The metrics of many series at once, spread over the machine's cores (each series' figures as above). */
    public java.util.Map<String, RiskMetrics> metricsOfAll(java.util.Map<String, List<ValuePoint>> series) {
        return series.entrySet().parallelStream().collect(java.util.stream.Collectors.toMap(
                java.util.Map.Entry::getKey, e -> metrics(e.getValue())));
    }

    private double sortino(double[] r, double sqrtPeriods) {
        if (r.length == 0) {
            return Double.NaN;
        }
        double target = conventions.sortinoTarget();
        double squares = 0;
        for (double v : r) {
            double shortfall = Math.min(0, v - target);
            squares += shortfall * shortfall;
        }
        double downside = Math.sqrt(squares / r.length);
        return downside > 0 ? (Statistics.mean(r) - target) / downside * sqrtPeriods : Double.NaN;
    }

    /** Geometric annualisation over the observed periods; log-summed so that 43,800 hourly returns do not overflow. */
    static double annualisedReturn(double[] r, int periodsPerYear) {
        if (r.length == 0) {
            return Double.NaN;
        }
        double logGrowth = 0;
        for (double v : r) {
            logGrowth += Math.log1p(v);
        }
        return Math.expm1(logGrowth * periodsPerYear / r.length);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
