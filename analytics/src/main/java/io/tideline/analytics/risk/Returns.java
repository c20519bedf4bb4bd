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
        return simple(ValueSeries.of(series));
    }

    /** As {@link #simple(List)}, over a series already laid out. */
    static Returns simple(ValueSeries series) {
        List<Instant> times = new ArrayList<>();
        double[] out = new double[Math.max(0, series.size() - 1)];
        int n = 0;
        for (int i = 1; i < series.size(); i++) {
            if (series.positive(i - 1)) {
                out[n++] = series.value(i) / series.value(i - 1) - 1.0;
                times.add(series.at(i));
            }
        }
        return new Returns(List.copyOf(times), n == out.length ? out : java.util.Arrays.copyOf(out, n));
    }

    /** Only the return values of {@link #simple(List)}, without their times (what the metrics need). */
    static double[] values(ValueSeries series) {
        double[] v = series.values();
        double[] out = new double[Math.max(0, v.length - 1)];
        int n = 0;
        for (int i = 1; i < v.length; i++) {
            if (series.positive(i - 1)) {
                out[n++] = v[i] / v[i - 1] - 1.0;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    public int size() {
        return values.length;
    }
}
