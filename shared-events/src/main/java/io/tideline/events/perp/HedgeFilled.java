package io.tideline.events.perp;

import static io.tideline.events.RequiredFields.require;
import static io.tideline.events.RequiredFields.requireList;

import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.util.List;

/**
 * A hedge order was filled at the venue, with the trades that filled it.
 *
 * @param orderId        the venue's order id
 * @param externalId     the client order id of the {@link HedgeRequested} it fills
 * @param filledQuantity in the market's base asset
 * @param averagePrice   volume-weighted over {@code fills}
 * @param fee            total fee, in the market's collateral asset
 * @param fills          the venue's trades; empty when the venue reported only the order totals
 */
public record HedgeFilled(String positionKey, String hedgeId, int step, String market, String orderId,
                          String externalId, TradeSide side, BigDecimal filledQuantity, BigDecimal averagePrice,
                          BigDecimal fee, List<PerpFill> fills) implements EventPayload {

    public HedgeFilled {
        require(positionKey, "positionKey");
        require(hedgeId, "hedgeId");
        require(market, "market");
        require(orderId, "orderId");
        require(externalId, "externalId");
        require(side, "side");
        require(filledQuantity, "filledQuantity");
        require(averagePrice, "averagePrice");
        require(fee, "fee");
        fills = requireList(fills, "fills");
    }
}
