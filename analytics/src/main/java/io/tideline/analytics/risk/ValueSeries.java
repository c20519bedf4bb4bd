package io.tideline.analytics.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A value series laid out for the metrics: times as epoch microseconds and values as doubles in flat arrays, checked
 * for time order once. The exact values are kept beside them for the one place that needs them (a drawdown's peaks and
 * recovery), and are read only where two doubles are too close to tell the exact values apart.
 *
 * <p>Five years of hourly points are 43,800 {@link ValuePoint}s, each an {@code Instant}, a {@code BigDecimal} and its
 * {@code BigInteger}: going through them for every statistic is pointer chasing over ~150 MB for 500 strategies.
 * Converted once, the statistics run over 700 KB of primitives per strategy.
 */
public final class ValueSeries {

    /** Doubles closer than this (relative) may not order as their exact values do: compare those exactly. */
    private static final double TIE = 1e-12;

    private final long[] micros;
    private final double[] values;
    private final boolean[] positive;
    private final BigDecimal[] exact;

    private ValueSeries(long[] micros, double[] values, boolean[] positive, BigDecimal[] exact) {
        this.micros = micros;
        this.values = values;
        this.positive = positive;
        this.exact = exact;
    }

    /**
     * The series of {@code points}, which must be in time order.
     *
     * @throws IllegalArgumentException naming the first point out of order
     */
    public static ValueSeries of(List<ValuePoint> points) {
        int n = points.size();
        long[] micros = new long[n];
        boolean[] positive = new boolean[n];
        BigDecimal[] exact = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            ValuePoint p = points.get(i);
            micros[i] = Math.addExact(Math.multiplyExact(p.at().getEpochSecond(), 1_000_000L),
                    p.at().getNano() / 1000);
            if (i > 0 && micros[i] < micros[i - 1]) {
                throw new IllegalArgumentException("series is not in time order at " + p.at());
            }
            exact[i] = p.value();
            positive[i] = p.value().signum() > 0;
        }
        return new ValueSeries(micros, ValuePoint.doubles(points), positive, exact);
    }

    public int size() {
        return values.length;
    }

    /** The values as doubles (the array itself: not to be changed). */
    double[] values() {
        return values;
    }

    double value(int i) {
        return values[i];
    }

    /** Whether the exact value at {@code i} is above zero. */
    boolean positive(int i) {
        return positive[i];
    }

    Instant at(int i) {
        return Instant.ofEpochSecond(Math.floorDiv(micros[i], 1_000_000L), Math.floorMod(micros[i], 1_000_000L) * 1000);
    }

    long epochMicros(int i) {
        return micros[i];
    }

    /** The exact values at {@code i} and {@code j} compared, as {@link BigDecimal#compareTo} does. */
    int compare(int i, int j) {
        double a = values[i];
        double b = values[j];
        if (Math.abs(a - b) > TIE * Math.max(Math.abs(a), Math.abs(b))) {
            return a < b ? -1 : 1;
        }
        return exact[i].compareTo(exact[j]);
    }
}
