package io.tideline.settlement.takeprofit;

import io.tideline.events.EventEnvelope;
import io.tideline.events.TradeSide;
import io.tideline.events.mm.PositionUncovered;
import io.tideline.events.mm.TakeProfitFilled;
import io.tideline.events.mm.TakeProfitPlaced;
import io.tideline.settlement.venue.VenueTrade;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The events of take-profits on mm.settlement, keyed {@code sessionId:pair}. A placed or filled take-profit's event id
 * is derived from the order or trade, so that recording it twice could not publish it twice.
 */
public final class SettlementEvents {

    private final String service;

    public SettlementEvents(String service) {
        this.service = service;
    }

    public EventEnvelope<PositionUncovered> uncovered(SettlementPlan.Uncovered u) {
        BuyPosition p = u.position();
        return EventEnvelope.of(service, p.key(), null, new PositionUncovered(p.sessionId(), p.pair(), p.venue(),
                p.tradeId(), TradeSide.BUY, p.entryPrice(), u.quantity(), u.tier(), p.filledAt()));
    }

    public EventEnvelope<TakeProfitPlaced> placed(TakeProfitOrder o, String clientOrderId, String venueOrderId,
            BigDecimal price, BigDecimal quantity, int tier, String replaces) {
        return EventEnvelope.identified(id("placed", clientOrderId), Instant.now(), service, o.key(),
                new TakeProfitPlaced(o.sessionId(), o.pair(), o.venue(), o.fillId(), clientOrderId, venueOrderId,
                        TradeSide.SELL, price, quantity, tier, replaces));
    }

    public EventEnvelope<TakeProfitFilled> filled(TakeProfitOrder o, String clientOrderId, String venueOrderId,
            VenueTrade t) {
        return EventEnvelope.identified(id("filled", o.venue() + "\u0000" + t.tradeId()), Instant.now(), service,
                o.key(), new TakeProfitFilled(o.sessionId(), o.pair(), o.venue(), clientOrderId, venueOrderId,
                        t.tradeId(), t.quantity(), t.price(), t.fee(), t.at()));
    }

    private static UUID id(String kind, String of) {
        return UUID.nameUUIDFromBytes(("mm-settlement\u0000" + kind + "\u0000" + of).getBytes(StandardCharsets.UTF_8));
    }
}
