package io.tideline.perp.venue;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A market order to send.
 *
 * @param externalId the client's id for the order, unique per order: the venue keeps it, so the order can be found
 *                   again after a crash or a timeout
 * @param market     e.g. {@code ETH-USD}
 * @param quantity   in the market's base asset, a positive multiple of the market's step
 * @param reduceOnly the order may only shrink an open position
 */
public record MarketOrderRequest(String externalId, String market, TradeSide side, BigDecimal quantity,
                                 boolean reduceOnly) {

    public MarketOrderRequest {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}
