package io.tideline.settlement.venue;

import java.math.BigDecimal;

/** The top of a pair's book. */
public record BestBidAsk(BigDecimal bid, BigDecimal ask) {
}
