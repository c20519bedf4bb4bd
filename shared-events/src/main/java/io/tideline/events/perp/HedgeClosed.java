package io.tideline.events.perp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigDecimal;

/**
 * A hedge was closed, usually because its LP position closed, with its realized P&amp;L.
 *
 * @param orderId        the venue's id of the closing order
 * @param closedQuantity in the market's base asset
 * @param averagePrice   of the closing order
 * @param realizedPnl    over the hedge's life, in the market's collateral asset, before fees
 * @param fees           over the hedge's life, in the market's collateral asset
 */
public record HedgeClosed(String positionKey, String hedgeId, String market, String orderId,
                          BigDecimal closedQuantity, BigDecimal averagePrice, BigDecimal realizedPnl, BigDecimal fees)
        implements EventPayload {

    public HedgeClosed {
        require(positionKey, "positionKey");
        require(hedgeId, "hedgeId");
        require(market, "market");
        require(orderId, "orderId");
        require(closedQuantity, "closedQuantity");
        require(averagePrice, "averagePrice");
        require(realizedPnl, "realizedPnl");
        require(fees, "fees");
    }
}
