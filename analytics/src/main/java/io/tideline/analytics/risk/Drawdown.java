package io.tideline.analytics.risk;

import java.math.BigDecimal;
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
        return of(series, ValuePoint.doubles(series));
    }

    static Drawdown of(List<ValuePoint> series, double[] asDoubles) {
        if (series.isEmpty()) {
            return new Drawdown(0, null, null, null);
        }
        int peak = 0;
        double deepest = 0;
        int deepestPeak = -1;
        int trough = -1;
        for (int i = 0; i < asDoubles.length; i++) {
            if (series.get(i).value().compareTo(series.get(peak).value()) > 0) {
                peak = i;
            }
            if (asDoubles[peak] <= 0) {
                continue;
            }
            double fall = (asDoubles[peak] - asDoubles[i]) / asDoubles[peak];
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
        BigDecimal peakValue = series.get(deepestPeak).value();
        for (int i = trough + 1; i < series.size(); i++) {
            if (series.get(i).value().compareTo(peakValue) >= 0) {
                recovered = series.get(i).at();
                break;
            }
        }
        return new Drawdown(deepest, series.get(deepestPeak).at(), series.get(trough).at(), recovered);
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
