package io.tideline.extended;

import java.math.BigDecimal;

/**
 * A market's prices from {@code GET /info/markets/{market}/stats}, in the collateral asset per base unit; any of them
 * is null when Extended leaves it out.
 *
 * @param fundingRate the current funding rate of one funding period (Extended's {@code fundingRate}), a fraction
 */
public record ExtendedMarketStats(String market, BigDecimal bidPrice, BigDecimal askPrice, BigDecimal markPrice,
                                  BigDecimal indexPrice, BigDecimal lastPrice, BigDecimal fundingRate) {
}
