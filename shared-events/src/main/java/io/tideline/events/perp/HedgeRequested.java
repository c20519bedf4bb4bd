package io.tideline.events.perp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;

/**
 * The hedger decided to send a perp order to offset an LP position's token exposure.
 *
 * @param positionKey    the LP position's key ({@code chainId:positionManager:tokenId})
 * @param hedgeId        the hedge this order belongs to; one per LP position
 * @param step           0 for the opening order, then one more for each rebalance
 * @param market         the venue's market name, e.g. {@code ETH-USD}
 * @param quantity       in the market's base asset
 * @param referencePrice the price the decision was made at, to measure slippage against
 * @param externalId     the client order id sent to the venue, so a retry cannot place the order twice
 */
public record HedgeRequested(String positionKey, String hedgeId, int step, String market, TradeSide side,
                             BigDecimal quantity, BigDecimal referencePrice, String externalId)
        implements EventPayload {

    public HedgeRequested {
        require(positionKey, "positionKey");
        require(hedgeId, "hedgeId");
        require(market, "market");
        require(side, "side");
        require(quantity, "quantity");
        require(referencePrice, "referencePrice");
        require(externalId, "externalId");
    }
}
