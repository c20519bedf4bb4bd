package io.tideline.settlement.venue;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.util.List;

/** An order as the venue reports it, with its trades. Ids are strings (venues' ids exceed 2^53). */
public record VenueOrder(String venueOrderId, String clientOrderId, String pair, TradeSide side, BigDecimal price,
                         BigDecimal quantity, BigDecimal filledQuantity, Status status, String statusReason,
                         List<VenueTrade> trades) {

    public enum Status {
        OPEN,
        FILLED,
        CANCELLED,
        REJECTED
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
