package io.tideline.settlement.venue;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A venue as settlement uses it: post-only limit orders under our client order ids, cancel, replace, the open orders
 * of a pair, orders found again by client order id, and the best bid/ask.
 *
 * <p>All calls block (settlement calls them from its own worker threads). {@link VenueUnavailableException} when trying
 * again later may work (outage, timeout, halted market); refusals of an order come back as a {@link PlaceOutcome}.
 */
public interface MakerVenue {

    /** The venue's name, as stored with the orders sent to it. */
    String name();

    /** Whether {@link #replace} is offered; when not, settlement cancels and then places. */
    boolean supportsReplace();

    /** Places post-only limit orders; one outcome per order, in order. */
    List<PlaceOutcome> placePostOnly(List<PostOnlyOrder> orders);

    /**
     * Replaces a resting order by a new one in one step (the old one is cancelled only if the new one rests).
     *
     * @param venueOrderId        the resting order's venue id
     * @param replacedClientOrderId the resting order's client order id (venues that replace by it, as Extended does)
     * @throws UnsupportedOperationException when {@link #supportsReplace()} is false
     */
    PlaceOutcome replace(String pair, String venueOrderId, String replacedClientOrderId, PostOnlyOrder replacement);

    /** Cancels a resting order; false when it was no longer open (filled or cancelled already). */
    boolean cancel(String pair, String venueOrderId);

    /** The pair's resting orders of this account. */
    List<VenueOrder> openOrders(String pair);

    /** The orders placed under these client order ids, in any state; ids the venue does not know are left out. */
    List<VenueOrder> ordersByClientOrderId(String pair, Collection<String> clientOrderIds);

    /**
     * How much of the pair's base asset the account holds that its resting sell orders do not already offer: what new
     * take-profits may sell. Empty when the venue keeps no balances (the paper venue): nothing is checked.
     */
    default Optional<BigDecimal> sellableQuantity(String pair) {
        return Optional.empty();
    }

    /** The best bid and ask; empty when the venue has no market for the pair (yet). */
    Optional<BestBidAsk> bestBidAsk(String pair);

    /** The best bids and asks of several pairs; pairs without a market (or halted) are left out. */
    default Map<String, BestBidAsk> bestBidAsks(Collection<String> pairs) {
        Map<String, BestBidAsk> books = new HashMap<>();
        for (String pair : pairs) {
            try {
                bestBidAsk(pair).ifPresent(b -> books.put(pair, b));
            } catch (VenueUnavailableException e) {
                // left out: the caller treats it as a pair without a price
            }
        }
        return books;
    }
}
