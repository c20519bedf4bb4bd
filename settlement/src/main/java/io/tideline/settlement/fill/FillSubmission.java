package io.tideline.settlement.fill;

import io.tideline.events.TradeSide;
import io.tideline.events.mm.FillRecorded;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A fill to record, already validated; (venue, orderId, tradeId) is its identity. */
public record FillSubmission(String sessionId, String pair, String venue, String orderId, String tradeId,
                             TradeSide side, BigDecimal quantity, BigDecimal price, BigDecimal fee, String feeAsset,
                             Instant filledAt) {

    public FillSubmission {
        filledAt = filledAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static FillSubmission of(FillRecorded f) {
        return new FillSubmission(f.sessionId(), f.pair(), f.venue(), f.orderId(), f.tradeId(), f.side(),
                f.quantity(), f.price(), f.fee(), f.feeAsset(), f.filledAt());
    }

    public FillRecorded toEvent() {
        return new FillRecorded(sessionId, pair, venue, orderId, tradeId, side, quantity, price, fee, feeAsset,
                filledAt);
    }

    /** The event id of this fill's FillRecorded: the same fill always gets the same id, so consumers drop copies. */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes(("mm-fill\u0000" + venue + "\u0000" + orderId + "\u0000" + tradeId)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The partition key of mm.fills and mm.settlement. */
    public String key() {
        return sessionId + ":" + pair;
    }
}
