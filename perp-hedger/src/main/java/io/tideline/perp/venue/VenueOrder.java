package io.tideline.perp.venue;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as the venue reports it.
 *
 * @param status       NEW, UNTRIGGERED, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, REJECTED
 * @param statusReason why it ended (e.g. NOT_ENOUGH_FUNDS, REDUCE_ONLY_FAILED), or null
 * @param filledQty    base asset filled so far
 * @param averagePrice of the filled part, or null when nothing filled
 * @param fee          paid so far, in the collateral asset
 * @param raw          the venue's JSON for the order, kept for the record
 */
public record VenueOrder(String orderId, String externalId, String market, TradeSide side, String status,
                         String statusReason, BigDecimal quantity, BigDecimal filledQty, BigDecimal averagePrice,
                         BigDecimal fee, Instant createdAt, Instant updatedAt, String raw) {

    /** Whether the order can change no more (an IOC order is final once the venue has processed it). */
    public boolean terminal() {
        return switch (status) {
            case "FILLED", "CANCELLED", "EXPIRED", "REJECTED" -> true;
            default -> false;
        };
    }

    /** The venue refused the order outright (nothing filled). */
    public boolean rejected() {
        return "REJECTED".equals(status) && filledQty.signum() == 0;
    }
}
