package io.tideline.analytics.risk;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * VaR and CVaR at a confidence level c, as positive loss fractions.
 *
 * <p>Historical: the returns sorted ascending, {@code k = ceil(n · (1 − c))} (at least 1); VaR is minus the k-th
 * smallest return, CVaR minus the mean of the k smallest. Parametric (normal): with the sample mean μ and sample
 * standard deviation σ, {@code VaR = −(μ + σ·z)} where {@code z = Φ⁻¹(1 − c)}, and
 * {@code CVaR = −(μ − σ·φ(z) / (1 − c))}.
 */
final class TailQuantiles {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private TailQuantiles() {
    }

    static TailRisk at(double[] returns, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        if (returns.length == 0) {
            return TailRisk.of(confidence, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = returns.clone();
        Arrays.sort(sorted);
        int k = Math.max(1, (int) Math.ceil(sorted.length * (1 - confidence) - 1e-9));
        double tail = 0;
        for (int i = 0; i < k; i++) {
            tail += sorted[i];
        }
        double mean = Statistics.mean(returns);
        double sigma = Statistics.sampleStdDev(returns);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - confidence);
        double parametricVar = -(mean + sigma * z);
        double parametricCvar = -(mean - sigma * STANDARD_NORMAL.density(z) / (1 - confidence));
        return TailRisk.of(confidence, -sorted[k - 1], -tail / k, parametricVar, parametricCvar);
    }
}
