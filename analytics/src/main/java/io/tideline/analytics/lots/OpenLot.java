package io.tideline.analytics.lots;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What is left of a lot: its quantity and the dollars still attributed to it (cost of a long, net proceeds of a short).
 */
public record OpenLot(String instrument, String tradeId, boolean shortPosition, Instant openedAt, BigDecimal quantity,
                      BigDecimal amount, long sequence) {

    /** Per-unit amount, for HIFO ordering (not stored, not rounded into money). */
    BigDecimal perUnit() {
        return amount.divide(quantity, java.math.MathContext.DECIMAL128);
    }
}
