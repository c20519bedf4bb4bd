package io.tideline.settlement.takeprofit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tideline.settlement.fill.FillLineage;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A take-profit order as settlement recorded it. States: PLACING (sent or about to be), LIVE (resting), REPLACING
 * (being re-priced to the replacement), FILLED, REPLACED, CANCELLED, FAILED. The fill it covers is {@code fillVenue},
 * {@code fillOrderId}, {@code fillId} (its trade id); {@code fillLineage}, the FillRecorded that recorded it, is the
 * cause of the order's events.
 */
public record TakeProfitOrder(String clientOrderId, long fillKey, String fillVenue, String fillOrderId, String fillId,
                              String sessionId, String pair, String venue, String side, int tier, int attempt,
                              BigDecimal price, BigDecimal quantity, String state, String venueOrderId,
                              BigDecimal filledQuantity, String replacesClientOrderId,
                              String replacementClientOrderId, BigDecimal replacementPrice, Integer replacementTier,
                              Integer replacementAttempt, String detail, Instant createdAt, Instant updatedAt,
                              @JsonIgnore FillLineage fillLineage) {

    @JsonIgnore
    public boolean live() {
        return "PLACING".equals(state) || "LIVE".equals(state) || "REPLACING".equals(state);
    }

    /** What it still sells. */
    @JsonIgnore
    public BigDecimal remaining() {
        return quantity.subtract(filledQuantity);
    }

    /** The partition key of its events. */
    @JsonIgnore
    public String key() {
        return sessionId + ":" + pair;
    }

    /** The id of another take-profit for the same fill. */
    public String idFor(int forTier, int forAttempt) {
        return ClientOrderIds.of(fillVenue, fillOrderId, fillId, forTier, forAttempt);
    }
}
