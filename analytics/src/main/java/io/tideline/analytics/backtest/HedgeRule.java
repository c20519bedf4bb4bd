package io.tideline.analytics.backtest;

import java.math.BigDecimal;

/** The overlay against the position's token0 exposure. */
public sealed interface HedgeRule {

    /** No hedge. */
    record None() implements HedgeRule {
    }

    /**
     * A perpetual short of token0 sized to the position's token0 amount, re-sized when it drifts more than
     * {@code band} (a fraction of that amount, e.g. 0.1) and at every rebalance. Each trade pays {@code feeRate} of
     * its notional; the short receives {@code fundingRatePerDay} of its notional per day (negative: pays).
     */
    record DeltaNeutralPerp(BigDecimal band, BigDecimal feeRate, BigDecimal fundingRatePerDay) implements HedgeRule {
        public DeltaNeutralPerp {
            if (band == null || band.signum() < 0) {
                throw new IllegalArgumentException("hedge.band must be 0 or more");
            }
            if (feeRate == null || feeRate.signum() < 0) {
                throw new IllegalArgumentException("hedge.feeRate must be 0 or more");
            }
            if (fundingRatePerDay == null) {
                throw new IllegalArgumentException("hedge.fundingRatePerDay is required");
            }
        }
    }
}
