package io.tideline.analytics.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One observation of a series the risk metrics read: a value (equity, or a price) at a time. */
public record ValuePoint(Instant at, BigDecimal value) {

    /**
     * The values as doubles, converted once: the unscaled integer's nearest double divided by the power of ten
     * (exact up to 22 decimals), within one unit in the last place of the nearest double; fast where
     * {@code BigDecimal.doubleValue()} goes through text. For statistics, never for money.
     */
    public static double[] doubles(java.util.List<ValuePoint> series) {
        double[] out = new double[series.size()];
        for (int i = 0; i < out.length; i++) {
            BigDecimal v = series.get(i).value();
            int scale = v.scale();
            out[i] = scale >= 0 && scale <= 22 ? v.unscaledValue().doubleValue() / TENS[scale] : v.doubleValue();
        }
        return out;
    }

    private static final double[] TENS = new double[23];

    static {
        TENS[0] = 1;
        for (int i = 1; i < TENS.length; i++) {
            TENS[i] = TENS[i - 1] * 10;
        }
    }

    public ValuePoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(value, "value");
    }
}
