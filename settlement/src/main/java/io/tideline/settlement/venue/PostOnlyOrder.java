package io.tideline.settlement.venue;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;

/** A maker-only limit order: it rests on the book or is refused, it never takes liquidity. */
public record PostOnlyOrder(String clientOrderId, String pair, TradeSide side, BigDecimal price, BigDecimal quantity) {
}
