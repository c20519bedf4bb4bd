package io.tideline.settlement.takeprofit;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventIds;
import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import io.tideline.events.mm.PositionUncovered;
import io.tideline.events.mm.TakeProfitFilled;
import io.tideline.events.mm.TakeProfitPlaced;
import io.tideline.settlement.fill.FillLineage;
import io.tideline.settlement.venue.VenueTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The events of take-profits on mm.settlement, keyed {@code sessionId:pair}. Each is made in reaction to the
 * FillRecorded that recorded its fill: it carries that event's correlation id, and a placed or filled take-profit's
 * event id is derived from that event's id and the order or trade ({@link EventIds#causedBy}), so that recording it
 * twice could not publish it twice.
 *
 * <p>The cause is known by its stored ids, not held as an envelope (a run works from the database, long after the
 * fill's event was consumed): {@link EventEnvelope#causedBy}'s rule is applied to them here.
 */
public final class SettlementEvents {

    private final String service;

    public SettlementEvents(String service) {
        this.service = service;
    }

    public EventEnvelope<PositionUncovered> uncovered(SettlementPlan.Uncovered u) {
        return uncovered(u, null);
    }

    /** @param reason why no take-profit is placed for it (a balance shortfall), or null when one is */
    public EventEnvelope<PositionUncovered> uncovered(SettlementPlan.Uncovered u, String reason) {
        BuyPosition p = u.position();
        // a random id: racing settlers may both find the position uncovered (one of them writes its take-profit)
        return EventEnvelope.of(service, p.key(), p.lineage().correlationId(), new PositionUncovered(p.sessionId(),
                p.pair(), p.venue(), p.tradeId(), TradeSide.BUY, p.entryPrice(), u.quantity(), u.tier(),
                p.filledAt(), reason));
    }

    public EventEnvelope<TakeProfitPlaced> placed(TakeProfitOrder o, String clientOrderId, String venueOrderId,
            BigDecimal price, BigDecimal quantity, int tier, String replaces) {
        return causedBy(o.fillLineage(), "tp-placed", o.key(), new TakeProfitPlaced(o.sessionId(), o.pair(),
                o.venue(), o.fillId(), clientOrderId, venueOrderId, TradeSide.SELL, price, quantity, tier, replaces),
                clientOrderId);
    }

    public EventEnvelope<TakeProfitFilled> filled(TakeProfitOrder o, String clientOrderId, String venueOrderId,
            VenueTrade t) {
        return causedBy(o.fillLineage(), "tp-filled", o.key(), new TakeProfitFilled(o.sessionId(), o.pair(),
                o.venue(), clientOrderId, venueOrderId, t.tradeId(), t.quantity(), t.price(), t.fee(), t.at()),
                o.venue(), t.tradeId());
    }

    private <T extends EventPayload> EventEnvelope<T> causedBy(FillLineage cause, String what, String key, T payload,
            Object... parts) {
        UUID id = EventIds.causedBy(cause.eventId(), what, parts);
        return EventEnvelope.identified(id, Instant.now(), service, key, payload)
                .withCorrelationId(cause.correlationId());
    }
}
