package io.tideline.extended;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill of the account ({@code GET /user/trades}); {@code orderId} links it to its order.
 *
 * @param tradeId  Extended's 64-bit id, as its decimal text
 * @param orderId  the order's 64-bit id, as its decimal text (can exceed a signed long)
 * @param fee      paid, in the collateral asset
 * @param taker    {@code isTaker}: false for a maker fill
 * @param raw      Extended's JSON for the trade, kept for the record
 */
public record ExtendedTrade(String tradeId, String orderId, String market, TradeSide side, BigDecimal quantity,
                            BigDecimal price, BigDecimal fee, boolean taker, Instant createdAt, String raw) {
}
