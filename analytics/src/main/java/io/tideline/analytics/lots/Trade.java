package io.tideline.analytics.lots;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One trade of an instrument (outcome shares on a prediction market, a perp), in dollars.
 *
 * @param quantity positive
 * @param fee      dollars paid, added to a lot's cost or taken from proceeds
 */
public record Trade(String tradeId, String instrument, TradeSide side, BigDecimal quantity, BigDecimal price,
                    BigDecimal fee, Instant at) {

    public Trade {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(at, "at");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        if (price == null || price.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative, was " + price);
        }
        if (fee == null || fee.signum() < 0) {
            throw new IllegalArgumentException("fee must not be negative, was " + fee);
        }
    }
}
