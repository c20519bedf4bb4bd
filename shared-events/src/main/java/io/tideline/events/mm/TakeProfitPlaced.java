package io.tideline.events.mm;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;

/**
 * Settlement placed a post-only take-profit order to cover inventory from a fill.
 *
 * @param fillId                the trade id of the fill it covers
 * @param clientOrderId         settlement's id for the order, derived from the fill so a rerun cannot place it twice
 * @param venueOrderId          the venue's id for the order
 * @param quantity              in the pair's base asset
 * @param ageTier               the inventory's age tier the price was set for
 * @param replacesClientOrderId optional: the take-profit this one replaces (re-priced for an older tier)
 */
public record TakeProfitPlaced(String sessionId, String pair, String venue, String fillId, String clientOrderId,
                               String venueOrderId, TradeSide side, BigDecimal price, BigDecimal quantity,
                               int ageTier, String replacesClientOrderId) implements EventPayload {

    public TakeProfitPlaced {
        require(sessionId, "sessionId");
        require(pair, "pair");
        require(venue, "venue");
        require(fillId, "fillId");
        require(clientOrderId, "clientOrderId");
        require(venueOrderId, "venueOrderId");
        require(side, "side");
        require(price, "price");
        require(quantity, "quantity");
    }
}
