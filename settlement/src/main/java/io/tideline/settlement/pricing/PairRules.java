package io.tideline.settlement.pricing;

import java.math.BigDecimal;

/**
 * What pricing needs to know of a pair: its tick size (prices are multiples of it) and the fee rate of one leg.
 */
public record PairRules(String pair, BigDecimal tickSize, BigDecimal feeRate) {

    public PairRules {
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException(pair + ": tick size must be > 0, was " + tickSize.toPlainString());
        }
        if (feeRate.signum() < 0) {
            throw new IllegalArgumentException(pair + ": fee rate must be >= 0, was " + feeRate.toPlainString());
        }
    }
}
