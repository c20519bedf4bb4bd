package io.tideline.analytics.risk;

import java.time.Instant;
import java.util.List;

/**
 * The largest fall of a value series from a running peak, with its dates.
 *
 * @param maxDrawdown the fall as a positive fraction of the peak ({@code 0.25} = 25 % down); 0 when it never fell
 * @param peakAt      when the peak before the deepest point was reached (null when it never fell)
 * @param troughAt    the deepest point (null when it never fell)
 * @param recoveredAt the first time after the trough the value was back at or above that peak; null if it has not
 */
public record Drawdown(double maxDrawdown, Instant peakAt, Instant troughAt, Instant recoveredAt) {

    /**
     * The deepest drawdown of {@code series} (in time order): peaks and the recovery found on the exact values, the
     * fall as a double ratio.
     */
    public static Drawdown of(List<ValuePoint> series) {
        return of(ValueSeries.of(series));
    }

    static Drawdown of(ValueSeries series) {
        double[] v = series.values();
        int peak = 0;
        double deepest = 0;
        int deepestPeak = -1;
        int trough = -1;
        for (int i = 0; i < v.length; i++) {
            if (series.compare(i, peak) > 0) {
                peak = i;
            }
            if (v[peak] <= 0) {
                continue;
            }
            double fall = (v[peak] - v[i]) / v[peak];
            if (fall > deepest) {
                deepest = fall;
                deepestPeak = peak;
                trough = i;
            }
        }
        if (trough < 0) {
            return new Drawdown(0, null, null, null);
        }
        Instant recovered = null;
        for (int i = trough + 1; i < v.length; i++) {
            if (series.compare(i, deepestPeak) >= 0) {
                recovered = series.at(i);
                break;
            }
        }
        return new Drawdown(deepest, series.at(deepestPeak), series.at(trough), recovered);
    }

    /** The drawdown at each point, {@code value / running peak − 1} (0 at a peak; 0 while the peak is not positive). */
    public static double[] series(List<ValuePoint> series) {
        double[] values = ValuePoint.doubles(series);
        double[] out = new double[values.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            peak = Math.max(peak, values[i]);
            out[i] = peak <= 0 ? 0 : values[i] / peak - 1;
        }
        return out;
    }
}
