package io.tideline.analytics.risk;

import java.math.BigDecimal;
import java.math.MathContext;
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

    /** The deepest drawdown of {@code series} (in time order), measured on the exact values. */
    public static Drawdown of(List<ValuePoint> series) {
        if (series.isEmpty()) {
            return new Drawdown(0, null, null, null);
        }
        ValuePoint peak = series.get(0);
        BigDecimal deepest = BigDecimal.ZERO;
        ValuePoint deepestPeak = null;
        ValuePoint trough = null;
        for (ValuePoint p : series) {
            if (p.value().compareTo(peak.value()) > 0) {
                peak = p;
            }
            if (peak.value().signum() <= 0) {
                continue;
            }
            BigDecimal fall = peak.value().subtract(p.value()).divide(peak.value(), MathContext.DECIMAL64);
            if (fall.compareTo(deepest) > 0) {
                deepest = fall;
                deepestPeak = peak;
                trough = p;
            }
        }
        if (trough == null) {
            return new Drawdown(0, null, null, null);
        }
        Instant recovered = null;
        for (ValuePoint p : series) {
            if (p.at().isAfter(trough.at()) && p.value().compareTo(deepestPeak.value()) >= 0) {
                recovered = p.at();
                break;
            }
        }
        return new Drawdown(deepest.doubleValue(), deepestPeak.at(), trough.at(), recovered);
    }

    /** The drawdown at each point, {@code value / running peak − 1} (0 at a peak; 0 while the peak is not positive). */
    public static double[] series(List<ValuePoint> series) {
        double[] out = new double[series.size()];
        BigDecimal peak = null;
        for (int i = 0; i < series.size(); i++) {
            BigDecimal v = series.get(i).value();
            peak = peak == null || v.compareTo(peak) > 0 ? v : peak;
            out[i] = peak.signum() <= 0 ? 0 : v.divide(peak, MathContext.DECIMAL64).doubleValue() - 1;
        }
        return out;
    }
}
