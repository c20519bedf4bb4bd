package io.tideline.settlement.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.messaging.tx.Transactions;
import io.tideline.settlement.pricing.PairCatalogue;
import io.tideline.settlement.pricing.PairRules;
import io.tideline.settlement.run.PairOutcome;
import io.tideline.settlement.run.PairSettler;
import io.tideline.settlement.session.SessionStore.SessionPair;
import io.tideline.settlement.takeprofit.SettlementEvents;
import io.tideline.settlement.takeprofit.SettlementPlanner;
import io.tideline.settlement.takeprofit.TakeProfitStore;
import io.tideline.settlement.venue.VenueOrder;
import io.tideline.settlement.venue.paper.PaperVenue;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * On a venue without a replace call, a take-profit re-priced for an older tier is cancelled, then placed anew: still
 * one live take-profit for the fill, and the venue holds the cancelled one and its successor. Settles through the
 * service's own parts with the paper venue configured without replace and a clock moved forward.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RepriceByCancelThenPlaceTest {

    @Inject
    Transactions transactions;

    @Inject
    TakeProfitStore takeProfits;

    @Inject
    SettlementPlanner planner;

    @Inject
    SettlementEvents events;

    @Inject
    PairCatalogue pairs;

    @Test
    void withoutReplaceTheTakeProfitIsCancelledThenPlacedKeepingOneLive() {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        Instant filled = Instant.now().minus(30, ChronoUnit.MINUTES);
        Desk.buy(session, "binance", pair, "1", "2000", filled);
        Desk.book(pair, "1990", "1991");
        PaperVenue noReplace = new PaperVenue(transactions, p -> pairs.rules(p).feeRate(), false,
                Duration.ZERO);
        PairRules rules = pairs.rules(pair);
        SessionPair sp = new SessionPair(session, "binance", pair);

        PairOutcome first = settler(noReplace, Clock.fixed(filled.plus(Duration.ofMinutes(31)), ZoneOffset.UTC))
                .settle(sp, rules, false, UUID.randomUUID(), false);
        assertThat(first.placed()).isEqualTo(1);

        // two hours after the fill: tier 1 (1-4 h), 2006 instead of 2010
        PairOutcome aged = settler(noReplace, Clock.fixed(filled.plus(Duration.ofHours(2)), ZoneOffset.UTC))
                .settle(sp, rules, false, UUID.randomUUID(), false);
        assertThat(aged.replaced()).isEqualTo(1);
        assertThat(aged.placed()).isZero();

        List<VenueOrder> atVenue = noReplace.orders(pair, 10);
        assertThat(atVenue).hasSize(2);
        assertThat(atVenue).filteredOn(VenueOrder::open).singleElement().satisfies(o ->
                assertThat(o.price()).isEqualByComparingTo(new BigDecimal("2006")));
        assertThat(atVenue).filteredOn(o -> o.status() == VenueOrder.Status.CANCELLED).singleElement()
                .satisfies(o -> assertThat(o.statusReason()).as("cancelled, not replaced by the venue").isNull());
        assertThat(Desk.takeProfits(session, "LIVE")).singleElement().satisfies(o ->
                assertThat(o.get("tier")).isEqualTo(1));
        assertThat(Desk.takeProfits(session, "REPLACED")).hasSize(1);
    }

    private PairSettler settler(PaperVenue venue, Clock clock) {
        return new PairSettler(transactions, takeProfits, venue, planner, events, 200, clock);
    }
}
