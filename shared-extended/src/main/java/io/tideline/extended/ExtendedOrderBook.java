package io.tideline.extended;

import java.math.BigDecimal;
import java.util.List;

/**
 * A market's order book ({@code GET /info/markets/{market}/orderbook}): bids best (highest) first, asks best (lowest)
 * first, as Extended lists them.
 */
public record ExtendedOrderBook(String market, List<Level> bids, List<Level> asks) {

    public ExtendedOrderBook {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** One price level: the quantity (base asset) resting at that price. */
    public record Level(BigDecimal price, BigDecimal quantity) {
    }
}
