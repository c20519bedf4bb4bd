package io.tideline.settlement.venue;

import java.math.BigDecimal;
import java.time.Instant;

/** One trade of one of our orders; fee in the quote asset. */
public record VenueTrade(String tradeId, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant at) {
}
