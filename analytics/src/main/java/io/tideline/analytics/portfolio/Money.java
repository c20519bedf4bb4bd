package io.tideline.analytics.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The desk's money convention: dollars (the hedge venue's collateral and the stablecoin quote of the pools) as
 * {@link BigDecimal} at {@value #SCALE} decimal places, rounded half-even once where a division or a price conversion
 * makes a figure inexact; sums and differences of such figures are exact.
 */
public final class Money {

    /** Decimal places of every money figure analytics stores, answers and reports. */
    public static final int SCALE = 18;

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    /** {@code value} at the stated scale, rounded half-even. */
    public static BigDecimal of(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** {@code a / b} at the stated scale, rounded half-even. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, SCALE, RoundingMode.HALF_EVEN);
    }
}
