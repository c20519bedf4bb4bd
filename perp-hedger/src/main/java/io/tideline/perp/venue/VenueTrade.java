package io.tideline.perp.venue;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill of the account at the venue; {@code orderId} links it to its order.
 *
 * @param raw the venue's JSON for the trade, kept for the record
 */
public record VenueTrade(String tradeId, String orderId, String market, TradeSide side, BigDecimal quantity,
                         BigDecimal price, BigDecimal fee, boolean taker, Instant createdAt, String raw) {
}
