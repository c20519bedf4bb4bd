package io.tideline.events.mm;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A take-profit order was (partly) filled, closing inventory at a profit.
 *
 * @param tradeId  the venue's id of the trade
 * @param quantity in the pair's base asset
 * @param fee      in the pair's quote asset
 */
public record TakeProfitFilled(String sessionId, String pair, String venue, String clientOrderId,
                               String venueOrderId, String tradeId, BigDecimal quantity, BigDecimal price,
                               BigDecimal fee, Instant filledAt) implements EventPayload {

    public TakeProfitFilled {
        require(sessionId, "sessionId");
        require(pair, "pair");
        require(venue, "venue");
        require(clientOrderId, "clientOrderId");
        require(venueOrderId, "venueOrderId");
        require(tradeId, "tradeId");
        require(quantity, "quantity");
        require(price, "price");
        require(fee, "fee");
        require(filledAt, "filledAt");
    }
}
