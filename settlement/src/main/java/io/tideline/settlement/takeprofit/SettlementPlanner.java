package io.tideline.settlement.takeprofit;

import io.tideline.settlement.pricing.PairRules;
import io.tideline.settlement.pricing.TakeProfitPricing;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, from a (session, pair)'s buy positions, what settlement does now: every position with uncovered quantity
 * gets one take-profit for all of it, priced for its age tier; a resting take-profit whose position moved into an
 * older tier is re-priced (when the price changes). A fill never gets a second live take-profit: a position with one
 * (placing, resting or being replaced) gets no new one. A session stopped by its stop-loss gets nothing new.
 */
public final class SettlementPlanner {

    private final TakeProfitPricing pricing;

    public SettlementPlanner(TakeProfitPricing pricing) {
        this.pricing = pricing;
    }

    public SettlementPlan plan(List<BuyPosition> positions, PairRules rules, Instant now, boolean stopped) {
        List<SettlementPlan.Uncovered> uncovered = new ArrayList<>();
        List<SettlementPlan.NewTakeProfit> toPlace = new ArrayList<>();
        List<SettlementPlan.Reprice> toReprice = new ArrayList<>();
        List<SettlementPlan.Retier> toRetier = new ArrayList<>();
        for (BuyPosition p : positions) {
            int tier = pricing.tiers().tierOf(Duration.between(p.filledAt(), now));
            if (p.live().isPresent()) {
                LiveTakeProfit live = p.live().get();
                if (!"LIVE".equals(live.state()) || tier <= live.tier() || stopped) {
                    continue;
                }
                BigDecimal price = pricing.price(p.entryPrice(), tier, rules);
                if (price.compareTo(live.price()) == 0) {
                    toRetier.add(new SettlementPlan.Retier(live, tier));
                } else {
                    int attempt = p.takeProfits();
                    toReprice.add(new SettlementPlan.Reprice(p, live, ClientOrderIds.of(p.venue(), p.orderId(),
                            p.tradeId(), tier, attempt), tier, attempt, price));
                }
                continue;
            }
            BigDecimal qty = p.uncoveredQuantity();
            if (qty.signum() <= 0) {
                continue;
            }
            uncovered.add(new SettlementPlan.Uncovered(p, qty, tier));
            if (!stopped) {
                int attempt = p.takeProfits();
                toPlace.add(new SettlementPlan.NewTakeProfit(p, ClientOrderIds.of(p.venue(), p.orderId(),
                        p.tradeId(), tier, attempt), tier, attempt, pricing.price(p.entryPrice(), tier, rules), qty));
            }
        }
        return new SettlementPlan(uncovered, toPlace, toReprice, toRetier);
    }
}
