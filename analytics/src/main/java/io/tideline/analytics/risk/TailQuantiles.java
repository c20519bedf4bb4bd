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
        double[] sorted = returns.clone();
        Arrays.sort(sorted);
        return at(returns, sorted, Statistics.mean(returns), Statistics.sampleStdDev(returns), confidence);
    }

    /** How many of n returns are in the tail at a confidence: {@code ceil(n · (1 − c))}, at least 1. */
    static int tailCount(int n, double confidence) {
        return Math.max(1, (int) Math.ceil(n * (1 - confidence) - 1e-9));
    }

    /**
     * The tail of the returns at the lowest confidence (the largest tail), sorted ascending: the k smallest found by
     * selection in linear time, then only they are sorted; every higher confidence's tail is a prefix of it.
     */
    static double[] smallestSorted(double[] returns, double lowestConfidence) {
        if (returns.length == 0) {
            return returns;
        }
        int k = Math.min(returns.length, tailCount(returns.length, lowestConfidence));
        double[] work = returns.clone();
        select(work, k - 1);
        double[] tail = Arrays.copyOf(work, k);
        Arrays.sort(tail);
        return tail;
    }

    /** Rearranges {@code a} so that a[0..index] are its index + 1 smallest values (Hoare's selection). */
    private static void select(double[] a, int index) {
        int lo = 0;
        int hi = a.length - 1;
        java.util.SplittableRandom random = new java.util.SplittableRandom(index);
        while (lo < hi) {
            double pivot = a[lo + random.nextInt(hi - lo + 1)];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (index <= j) {
                hi = j;
            } else if (index >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /**
     * With the returns' tail sorted ascending (at least this confidence's k smallest, see {@link #smallestSorted}) and
     * their mean and sample standard deviation known.
     */
    static TailRisk at(double[] returns, double[] sorted, double mean, double sigma, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        if (returns.length == 0) {
            return TailRisk.of(confidence, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int k = tailCount(returns.length, confidence);
        double tail = 0;
        for (int i = 0; i < k; i++) {
            tail += sorted[i];
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - confidence);
        double parametricVar = -(mean + sigma * z);
        double parametricCvar = -(mean - sigma * STANDARD_NORMAL.density(z) / (1 - confidence));
        return TailRisk.of(confidence, -sorted[k - 1], -tail / k, parametricVar, parametricCvar);
    }
}
