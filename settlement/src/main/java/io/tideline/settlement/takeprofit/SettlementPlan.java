package io.tideline.settlement.takeprofit;

import java.math.BigDecimal;
import java.util.List;

/**
 * What settling one (session, pair) means now: the positions found uncovered, the take-profits to place, the live
 * ones to re-price for their position's older tier, and those whose tier moved without changing their price.
 */
public record SettlementPlan(List<Uncovered> uncovered, List<NewTakeProfit> toPlace, List<Reprice> toReprice,
                             List<Retier> toRetier) {

    /** A position with quantity no take-profit covers, in its current tier. */
    public record Uncovered(BuyPosition position, BigDecimal quantity, int tier) {
    }

    public record NewTakeProfit(BuyPosition position, String clientOrderId, int tier, int attempt, BigDecimal price,
                                BigDecimal quantity) {
    }

    public record Reprice(BuyPosition position, LiveTakeProfit current, String clientOrderId, int tier, int attempt,
                          BigDecimal price) {
    }

    public record Retier(LiveTakeProfit current, int tier) {
    }

    public boolean isEmpty() {
        return uncovered.isEmpty() && toPlace.isEmpty() && toReprice.isEmpty() && toRetier.isEmpty();
    }
}
