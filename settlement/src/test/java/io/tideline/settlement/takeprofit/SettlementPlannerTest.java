package io.tideline.settlement.takeprofit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.settlement.fill.FillLineage;
import io.tideline.settlement.pricing.AgeTiers;
import io.tideline.settlement.pricing.PairRules;
import io.tideline.settlement.pricing.TakeProfitPricing;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettlementPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final PairRules ETH = new PairRules("ETH-USDC", new BigDecimal("0.01"), new BigDecimal("0.001"));
    private final SettlementPlanner planner = new SettlementPlanner(new TakeProfitPricing(AgeTiers.of(50, 30, 15, 5)));

    @Test
    void coversEachUncoveredPositionWithOneTakeProfitForAllOfIt() {
        BuyPosition young = position(1, "1", "2000", Duration.ofMinutes(10), "0", 0, Optional.empty());
        BuyPosition old = position(2, "0.5", "2000", Duration.ofHours(2), "0", 0, Optional.empty());
        SettlementPlan plan = planner.plan(List.of(young, old), ETH, NOW, false);

        assertThat(plan.uncovered()).extracting(SettlementPlan.Uncovered::tier).containsExactly(0, 1);
        assertThat(plan.toPlace()).hasSize(2);
        assertThat(plan.toPlace().get(0).price()).isEqualByComparingTo("2010");
        assertThat(plan.toPlace().get(0).quantity()).isEqualByComparingTo("1");
        assertThat(plan.toPlace().get(0).clientOrderId()).isEqualTo(ClientOrderIds.of("venue", "o1", "t1", 0, 0));
        assertThat(plan.toPlace().get(1).price()).isEqualByComparingTo("2006");
        assertThat(plan.toReprice()).isEmpty();
    }

    @Test
    void aPositionWithALiveTakeProfitGetsNoOtherWhateverItsState() {
        for (String state : List.of("PLACING", "LIVE", "REPLACING")) {
            BuyPosition covered = position(1, "1", "2000", Duration.ofMinutes(10), "0", 1,
                    Optional.of(live(state, 0, "2010", "1", "0")));
            assertThat(planner.plan(List.of(covered), ETH, NOW, false).isEmpty()).as(state).isTrue();
        }
    }

    @Test
    void whatTakeProfitFillsSoldIsNotCoveredAgain() {
        // 1 bought, 0.4 sold by an earlier take-profit that was then cancelled: 0.6 to cover, attempt 1.
        BuyPosition partly = position(1, "1", "2000", Duration.ofMinutes(10), "0.4", 1, Optional.empty());
        SettlementPlan plan = planner.plan(List.of(partly), ETH, NOW, false);
        assertThat(plan.toPlace()).singleElement().satisfies(n -> {
            assertThat(n.quantity()).isEqualByComparingTo("0.6");
            assertThat(n.attempt()).isEqualTo(1);
            assertThat(n.clientOrderId()).isEqualTo(ClientOrderIds.of("venue", "o1", "t1", 0, 1));
        });
    }

    @Test
    void repricesALiveTakeProfitWhenItsPositionMovesIntoAnOlderTier() {
        BuyPosition aged = position(1, "1", "2000", Duration.ofHours(1).plusMinutes(1), "0", 1,
                Optional.of(live("LIVE", 0, "2010", "1", "0")));
        SettlementPlan plan = planner.plan(List.of(aged), ETH, NOW, false);
        assertThat(plan.toPlace()).isEmpty();
        assertThat(plan.uncovered()).isEmpty();
        assertThat(plan.toReprice()).singleElement().satisfies(r -> {
            assertThat(r.tier()).isEqualTo(1);
            assertThat(r.price()).isEqualByComparingTo("2006");
            assertThat(r.clientOrderId()).isEqualTo(ClientOrderIds.of("venue", "o1", "t1", 1, 1));
        });
    }

    @Test
    void onlyRetiersWhenTheOlderTiersPriceIsTheSame() {
        // 4-12 h and 12 h+ both sit on the fee floor (2004): no order changes, the tier is recorded.
        BuyPosition aged = position(1, "1", "2000", Duration.ofHours(13), "0", 1,
                Optional.of(live("LIVE", 2, "2004", "1", "0")));
        SettlementPlan plan = planner.plan(List.of(aged), ETH, NOW, false);
        assertThat(plan.toReprice()).isEmpty();
        assertThat(plan.toRetier()).singleElement().satisfies(r -> assertThat(r.tier()).isEqualTo(3));
    }

    @Test
    void aStoppedSessionIsReportedUncoveredButGetsNothingNew() {
        BuyPosition open = position(1, "1", "2000", Duration.ofMinutes(10), "0", 0, Optional.empty());
        BuyPosition aged = position(2, "1", "2000", Duration.ofHours(2), "0", 1,
                Optional.of(live("LIVE", 0, "2010", "1", "0")));
        SettlementPlan plan = planner.plan(List.of(open, aged), ETH, NOW, true);
        assertThat(plan.uncovered()).hasSize(1);
        assertThat(plan.toPlace()).isEmpty();
        assertThat(plan.toReprice()).isEmpty();
    }

    private static BuyPosition position(long key, String qty, String entry, Duration age, String closed, int orders,
            Optional<LiveTakeProfit> live) {
        return new BuyPosition(key, "s1", "ETH-USDC", "venue", "o" + key, "t" + key, new BigDecimal(entry),
                new BigDecimal(qty), NOW.minus(age), new BigDecimal(closed), orders, live,
                FillLineage.of(null, null, "venue", "o" + key, "t" + key));
    }

    private static LiveTakeProfit live(String state, int tier, String price, String qty, String filled) {
        return new LiveTakeProfit("tp-live", state, "9007199254740993", tier, new BigDecimal(price),
                new BigDecimal(qty), new BigDecimal(filled));
    }
}
