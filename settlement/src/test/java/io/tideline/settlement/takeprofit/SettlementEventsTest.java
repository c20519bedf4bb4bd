package io.tideline.settlement.takeprofit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventIds;
import io.tideline.events.mm.PositionUncovered;
import io.tideline.events.mm.TakeProfitFilled;
import io.tideline.events.mm.TakeProfitPlaced;
import io.tideline.settlement.fill.FillLineage;
import io.tideline.settlement.venue.VenueTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SettlementEventsTest {

    private static final Instant T = Instant.parse("2026-11-30T12:00:00Z");
    private static final UUID FILL_EVENT = UUID.fromString("3f1c6a3e-7c2b-4d0e-9a55-0b8c2f7d1e42");
    private static final FillLineage CAUSE = new FillLineage(FILL_EVENT, "chain-of-the-fill");
    private final SettlementEvents events = new SettlementEvents("settlement");

    @Test
    void eventsAboutAFillCarryTheCorrelationIdOfItsFillRecorded() {
        BuyPosition p = new BuyPosition(7, "s1", "ETH-USDC", "binance", "o1", "t1", new BigDecimal("2000"),
                BigDecimal.ONE, T, BigDecimal.ZERO, 0, Optional.empty(), CAUSE);
        EventEnvelope<PositionUncovered> uncovered = events.uncovered(new SettlementPlan.Uncovered(p, BigDecimal.ONE,
                0));
        EventEnvelope<TakeProfitPlaced> placed = events.placed(order(), "tp1", "9007199254740993",
                new BigDecimal("2010"), BigDecimal.ONE, 0, null);
        EventEnvelope<TakeProfitFilled> filled = events.filled(order(), "tp1", "9007199254740993",
                new VenueTrade("9007199254740994", BigDecimal.ONE, new BigDecimal("2010"), new BigDecimal("2.01"), T));

        assertThat(uncovered.correlationId()).isEqualTo("chain-of-the-fill");
        assertThat(placed.correlationId()).isEqualTo("chain-of-the-fill");
        assertThat(filled.correlationId()).isEqualTo("chain-of-the-fill");
        assertThat(uncovered.key()).isEqualTo("s1:ETH-USDC");
        assertThat(placed.key()).isEqualTo("s1:ETH-USDC");
    }

    @Test
    void aPlacedOrFilledTakeProfitHasAnIdDerivedFromItsCauseAndTheOrderOrTrade() {
        EventEnvelope<TakeProfitPlaced> placed = events.placed(order(), "tp1", "v1", new BigDecimal("2010"),
                BigDecimal.ONE, 0, null);
        VenueTrade trade = new VenueTrade("x9", BigDecimal.ONE, new BigDecimal("2010"), BigDecimal.ZERO, T);

        assertThat(placed.eventId()).isEqualTo(EventIds.causedBy(FILL_EVENT, "tp-placed", "tp1"))
                .as("recorded twice, published once").isEqualTo(events.placed(order(), "tp1", "v1",
                        new BigDecimal("2010"), BigDecimal.ONE, 0, null).eventId());
        assertThat(events.placed(order(), "tp2", "v2", new BigDecimal("2006"), BigDecimal.ONE, 1, "tp1").eventId())
                .isNotEqualTo(placed.eventId());
        assertThat(events.filled(order(), "tp1", "v1", trade).eventId())
                .isEqualTo(EventIds.causedBy(FILL_EVENT, "tp-filled", "paper", "x9"));
    }

    private static TakeProfitOrder order() {
        return new TakeProfitOrder("tp1", 7, "binance", "o1", "t1", "s1", "ETH-USDC", "paper", "SELL", 0, 0,
                new BigDecimal("2010"), BigDecimal.ONE, "LIVE", "v1", BigDecimal.ZERO, null, null, null, null, null,
                null, T, T, CAUSE);
    }
}
