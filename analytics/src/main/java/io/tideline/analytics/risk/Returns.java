package io.tideline.analytics.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Simple returns {@code r_i = v_i / v_(i-1) - 1} of a value series, as doubles (risk statistics are estimates over
 * returns, not money; the money itself stays exact). A period whose starting value is zero or negative has no return
 * and is left out (a strategy not yet funded, or closed).
 *
 * @param at     the end of each return's period
 * @param values the returns, in time order
 */
public record Returns(List<Instant> at, double[] values) {

    /** The returns of consecutive points of {@code series} (which must be in time order). */
    public static Returns simple(List<ValuePoint> series) {
        return simple(series, ValuePoint.doubles(series));
    }

    /** As {@link #simple(List)}, with the values already as doubles ({@link ValuePoint#doubles}). */
    static Returns simple(List<ValuePoint> series, double[] asDoubles) {
        List<Instant> times = new ArrayList<>();
        double[] out = new double[Math.max(0, series.size() - 1)];
        int n = 0;
        for (int i = 1; i < series.size(); i++) {
            ValuePoint before = series.get(i - 1);
            ValuePoint after = series.get(i);
            if (after.at().isBefore(before.at())) {
                throw new IllegalArgumentException("series is not in time order at " + after.at());
            }
            if (before.value().signum() <= 0) {
                continue;
            }
            out[n++] = asDoubles[i] / asDoubles[i - 1] - 1.0;
            times.add(after.at());
        }
        double[] values = new double[n];
        System.arraycopy(out, 0, values, 0, n);
        return new Returns(List.copyOf(times), values);
    }

    /** Only the return values of {@link #simple(List)}, without their times (what the metrics need). */
    static double[] values(List<ValuePoint> series, double[] asDoubles) {
        double[] out = new double[Math.max(0, series.size() - 1)];
        int n = 0;
        for (int i = 1; i < asDoubles.length; i++) {
            if (series.get(i).at().isBefore(series.get(i - 1).at())) {
                throw new IllegalArgumentException("series is not in time order at " + series.get(i).at());
            }
            if (series.get(i - 1).value().signum() > 0) {
                out[n++] = asDoubles[i] / asDoubles[i - 1] - 1.0;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    public int size() {
        return values.length;
    }
}
