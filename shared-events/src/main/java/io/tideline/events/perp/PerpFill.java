package io.tideline.events.perp;

import static io.tideline.events.RequiredFields.require;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One trade of a perp order at the venue.
 *
 * @param quantity in the market's base asset
 * @param fee      in the market's collateral asset
 */
public record PerpFill(String tradeId, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant createdAt) {

    public PerpFill {
        require(tradeId, "tradeId");
        require(quantity, "quantity");
        require(price, "price");
        require(fee, "fee");
        require(createdAt, "createdAt");
    }
}
