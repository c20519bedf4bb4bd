package io.tideline.perp.venue;

import java.util.List;
import java.util.Optional;

/**
 * A perpetual-futures venue as the hedger uses it: place a market (IOC) order under a client external id, find it
 * again by the venue's id or by that external id, read recent trades, positions and a market's best bid/ask.
 *
 * <p>All calls block (the hedger calls them from its own worker thread). Failures: {@link VenueRejectedException}
 * when the venue refused the request for good (4xx: rejected order, not enough funds, reduce-only failed, bad
 * request), {@link VenueUnavailableException} when trying again later may work (5xx, 429, timeouts, connection
 * errors). Ids are strings everywhere (the venue's 64-bit ids exceed 2^53).
 */
public interface PerpVenue {

    /** The name of the venue, as stored with orders and shown in the API ({@code extended}, {@code paper}). */
    String name();

    /**
     * Places a market order (IOC, priced from the market's best bid/ask with the configured slippage, as the venue
     * requires a price even for market orders). Returns as soon as the venue acknowledged it: the order may not be
     * visible through {@link #order} yet.
     */
    PlacedOrder placeMarketOrder(MarketOrderRequest request);

    /** The order with the venue's id; empty when the venue does not (yet) know it. */
    Optional<VenueOrder> order(String orderId);

    /** The orders placed under a client external id (normally none or one). */
    List<VenueOrder> ordersByExternalId(String externalId);

    /** The account's latest trades in a market, newest first. */
    List<VenueTrade> recentTrades(String market, int limit);

    /** The account's open position in a market; empty when flat. */
    Optional<VenuePosition> position(String market);

    /** Best bid and ask (and mark price) of a market. */
    MarketStats marketStats(String market);
}
