package io.tideline.perp.hedge;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order of a hedge as stored ({@code perp_order}).
 *
 * @param purpose OPEN, REBALANCE or CLOSE
 * @param state   REQUESTED (not sent yet), SENDING (sent or being sent: look it up by external id before sending
 *                again), PENDING_LOOKUP (the venue took it but it could not be found yet), FILLED, FAILED, CANCELLED
 */
public record HedgeOrder(UUID orderKey, UUID hedgeId, String positionKey, int step, int generation, String purpose,
                         String externalId, String venue, String market, TradeSide side, BigDecimal quantity,
                         boolean reduceOnly, BigDecimal referencePrice, String state, String venueOrderId,
                         String venueStatus, String statusReason, BigDecimal filledQty, BigDecimal averagePrice,
                         BigDecimal fee, int attempts, Instant nextAttemptAt, String lastError, Boolean retryable,
                         Instant createdAt, Instant updatedAt) {

    public boolean outstanding() {
        return "REQUESTED".equals(state) || "SENDING".equals(state) || "PENDING_LOOKUP".equals(state);
    }
}
