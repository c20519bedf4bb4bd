package io.tideline.settlement.fill;

import io.tideline.events.EventIds;
import io.tideline.events.TradeSide;
import io.tideline.events.mm.FillRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** A fill to record, already validated; (venue, orderId, tradeId) is its identity. */
public record FillSubmission(String sessionId, String pair, String venue, String orderId, String tradeId,
                             TradeSide side, BigDecimal quantity, BigDecimal price, BigDecimal fee, String feeAsset,
                             Instant filledAt) {

    public FillSubmission {
        filledAt = filledAt.truncatedTo(ChronoUnit.MICROS);
    }

    public FillRecorded toEvent() {
        return new FillRecorded(sessionId, pair, venue, orderId, tradeId, side, quantity, price, fee, feeAsset,
                filledAt);
    }

    /** The event id of this fill's FillRecorded: the same fill always gets the same id, so consumers drop copies. */
    public UUID eventId() {
        return eventIdOf(venue, orderId, tradeId);
    }

    /** The FillRecorded id of the fill (venue, order id, trade id), whatever else is said of it. */
    public static UUID eventIdOf(String venue, String orderId, String tradeId) {
        return EventIds.of("mm-fill", venue, orderId, tradeId);
    }

    /** What makes two fills the same fill. */
    public List<String> identity() {
        return List.of(venue, orderId, tradeId);
    }

    /** The partition key of mm.fills and mm.settlement. */
    public String key() {
        return sessionId + ":" + pair;
    }
}
