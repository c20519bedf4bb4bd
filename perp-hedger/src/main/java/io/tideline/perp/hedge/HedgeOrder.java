package io.tideline.perp.hedge;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order of a hedge as stored ({@code perp_order}).
 *
 * @param correlationId the correlation id of the LP fact the order answers; its events carry it
 */
public record HedgeOrder(UUID orderKey, UUID hedgeId, String positionKey, int step, int generation,
                         OrderPurpose purpose, String externalId, String venue, String market, TradeSide side,
                         BigDecimal quantity, boolean reduceOnly, BigDecimal referencePrice, OrderState state,
                         String venueOrderId, String venueStatus, String statusReason, BigDecimal filledQty,
                         BigDecimal averagePrice, BigDecimal fee, int attempts, Instant nextAttemptAt,
                         String lastError, Boolean retryable, String correlationId, Instant createdAt,
                         Instant updatedAt) {

    public boolean outstanding() {
        return state.outstanding();
    }

    /** This order with its attempts counted so far. */
    public HedgeOrder withAttempts(int sent) {
        return new HedgeOrder(orderKey, hedgeId, positionKey, step, generation, purpose, externalId, venue, market,
                side, quantity, reduceOnly, referencePrice, state, venueOrderId, venueStatus, statusReason, filledQty,
                averagePrice, fee, sent, nextAttemptAt, lastError, retryable, correlationId, createdAt, updatedAt);
    }

    /** A new order of a hedge, not sent yet. */
    public static HedgeOrder requested(Hedge hedge, NewOrder order, String venue) {
        return new HedgeOrder(UUID.randomUUID(), hedge.hedgeId(), hedge.positionKey(), order.step(), 0,
                order.purpose(), order.externalId(), venue, hedge.market(), order.side(), order.quantity(),
                order.reduceOnly(), order.referencePrice(), OrderState.REQUESTED, null, null, null, BigDecimal.ZERO,
                null, BigDecimal.ZERO, 0, null, null, null, order.correlationId(), null, null);
    }
}
