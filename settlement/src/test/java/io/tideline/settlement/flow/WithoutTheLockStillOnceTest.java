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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The advisory lock keeps two instances off the same pair; this takes it away: four settlers on the same (session,
 * pair) at once, on a slow venue, so that they overlap in every phase. The one-live-take-profit index, the client
 * order ids derived from the fill and the venue's refusal of a known client order id still leave exactly one
 * take-profit per fill at the venue.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WithoutTheLockStillOnceTest {

    private static final int FILLS = 12;
    private static final int SETTLERS = 4;

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
    void settlersRacingOnOnePairWithoutTheLockPlaceOneTakeProfitPerFill() throws Exception {
        String session = Desk.uniqueSession();
        String pair = Desk.uniquePair();
        Desk.session(session, "binance", List.of(pair));
        for (int i = 0; i < FILLS; i++) {
            Desk.buy(session, "binance", pair, "0.5", "100", Instant.now().minusSeconds(60));
        }
        Desk.book(pair, "99", "99.5");
        PaperVenue slow = new PaperVenue(transactions, p -> pairs.rules(p).feeRate(), true,
                Duration.ofMillis(150));
        PairRules rules = pairs.rules(pair);
        SessionPair sp = new SessionPair(session, "binance", pair);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<PairOutcome>> runs = new ArrayList<>();
        for (int i = 0; i < SETTLERS; i++) {
            PairSettler settler = new PairSettler(transactions, takeProfits, slow, planner, events, 3,
                    Clock.systemUTC());
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return settler.settle(sp, rules, false, UUID.randomUUID(), false);
            }));
        }
        start.countDown();
        int placed = 0;
        int prevented = 0;
        for (CompletableFuture<PairOutcome> run : runs) {
            PairOutcome outcome = run.get(60, TimeUnit.SECONDS);
            placed += outcome.placed();
            prevented += outcome.duplicatesPrevented();
        }

        List<VenueOrder> atVenue = slow.orders(pair, 100);
        assertThat(atVenue).as("orders at the venue").hasSize(FILLS);
        assertThat(atVenue).allMatch(VenueOrder::open);
        assertThat(atVenue).extracting(VenueOrder::clientOrderId).doesNotHaveDuplicates();
        assertThat(placed).as("orders the settlers placed").isEqualTo(FILLS);
        assertThat(prevented).as("duplicates the settlers prevented").isPositive();
        assertThat(Desk.takeProfits(session, "LIVE")).hasSize(FILLS);
        assertThat(Desk.takeProfits(session, null)).hasSize(FILLS);
    }
}
