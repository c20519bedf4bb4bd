package io.tideline.perp.venue;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;

/**
 * The account's open position in one market.
 *
 * @param side SELL for a short (what hedges are), BUY for a long
 * @param size in the base asset, positive
 */
public record VenuePosition(String market, TradeSide side, BigDecimal size, BigDecimal openPrice) {
}
