package io.tideline.settlement.takeprofit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a pair's new take-profits within what the venue account holds: the oldest positions are covered first, each
 * take-profit in full or not at all (a take-profit for part of a position would leave the rest uncovered with a live
 * take-profit, which the planner never tops up); those that no longer fit are shortfalls, with the reason.
 */
public final class HoldingLimit {

    private HoldingLimit() {
    }

    /** The take-profits to place now and those the holding cannot cover. */
    public record Split(List<SettlementPlan.NewTakeProfit> placeable, List<Shortfall> shortfalls) {
    }

    /** A take-profit not placed: it needs {@code needed}, and only {@code available} was left of the holding. */
    public record Shortfall(SettlementPlan.NewTakeProfit takeProfit, BigDecimal needed, BigDecimal available,
                            String reason) {
    }

    /**
     * @param toPlace  the planned take-profits of one pair
     * @param sellable the base quantity the account holds that its resting sells do not offer already
     */
    public static Split split(List<SettlementPlan.NewTakeProfit> toPlace, BigDecimal sellable) {
        List<SettlementPlan.NewTakeProfit> oldestFirst = new ArrayList<>(toPlace);
        oldestFirst.sort(Comparator.comparing((SettlementPlan.NewTakeProfit n) -> n.position().filledAt())
                .thenComparing(SettlementPlan.NewTakeProfit::clientOrderId));
        BigDecimal left = sellable.max(BigDecimal.ZERO);
        List<SettlementPlan.NewTakeProfit> placeable = new ArrayList<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (SettlementPlan.NewTakeProfit n : oldestFirst) {
            if (n.quantity().compareTo(left) <= 0) {
                placeable.add(n);
                left = left.subtract(n.quantity());
            } else {
                shortfalls.add(new Shortfall(n, n.quantity(), left, "balance short: the take-profit would sell "
                        + n.quantity().toPlainString() + " and the venue account holds "
                        + left.toPlainString() + " of the base asset not already offered for sale (of "
                        + sellable.toPlainString() + " before this run's older positions)"));
            }
        }
        return new Split(placeable, shortfalls);
    }
}
