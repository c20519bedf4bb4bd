package io.tideline.perp.venue;

import java.util.List;
import java.util.Objects;

/** What a lookup of a placed order found at the venue: the order, only its fills, or nothing (yet). */
public sealed interface OrderLookup {

    /** The venue reported the order, with the fills of it found among the market's latest trades. */
    record Found(VenueOrder order, List<VenueTrade> trades) implements OrderLookup {
        public Found {
            Objects.requireNonNull(order, "order");
            trades = List.copyOf(trades);
        }
    }

    /** The order itself did not show, but fills carrying its id did. */
    record FoundInTrades(String orderId, List<VenueTrade> trades) implements OrderLookup {
        public FoundInTrades {
            Objects.requireNonNull(orderId, "orderId");
            if (trades.isEmpty()) {
                throw new IllegalArgumentException("found in trades needs at least one trade");
            }
            trades = List.copyOf(trades);
        }
    }

    /** Neither the order nor a fill of it showed within the lookup budget: store it as PENDING_LOOKUP. */
    record NotFound() implements OrderLookup {
    }
}
