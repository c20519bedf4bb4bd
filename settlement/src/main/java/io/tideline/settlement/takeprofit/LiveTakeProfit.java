package io.tideline.settlement.takeprofit;

import java.math.BigDecimal;

/** The take-profit a fill has at the venue now (PLACING, LIVE or REPLACING). */
public record LiveTakeProfit(String clientOrderId, String state, String venueOrderId, int tier, BigDecimal price,
                             BigDecimal quantity, BigDecimal filledQuantity) {

    /** What it still sells. */
    public BigDecimal remaining() {
        return quantity.subtract(filledQuantity);
    }
}
