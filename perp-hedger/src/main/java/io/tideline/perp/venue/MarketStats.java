package io.tideline.perp.venue;

import java.math.BigDecimal;

/** A market's best bid and ask and its mark price, in the collateral asset per base unit. */
public record MarketStats(String market, BigDecimal bidPrice, BigDecimal askPrice, BigDecimal markPrice) {
}
