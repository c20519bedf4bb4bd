package io.tideline.settlement.takeprofit;

import io.tideline.settlement.fill.FillLineage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The inventory a buy fill opened, with what take-profits did to it: {@code closedQuantity} sold by take-profit fills,
 * {@code takeProfits} orders it has had (any state), and its live take-profit if any; {@code lineage}: the
 * FillRecorded that recorded the fill, the cause of the events about it.
 */
public record BuyPosition(long fillKey, String sessionId, String pair, String venue, String orderId, String tradeId,
                          BigDecimal entryPrice, BigDecimal quantity, Instant filledAt, BigDecimal closedQuantity,
                          int takeProfits, Optional<LiveTakeProfit> live, FillLineage lineage) {

    /** Not sold yet: at risk until a take-profit fills. */
    public BigDecimal openQuantity() {
        return quantity.subtract(closedQuantity);
    }

    /** Neither sold nor offered by a live take-profit. */
    public BigDecimal uncoveredQuantity() {
        return openQuantity().subtract(live.map(LiveTakeProfit::remaining).orElse(BigDecimal.ZERO));
    }

    /** The partition key of the position's events. */
    public String key() {
        return sessionId + ":" + pair;
    }
}
