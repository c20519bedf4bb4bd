package io.tideline.analytics.portfolio;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a user sees of a strategy, a book or the desk at one moment, in dollars at {@link Money#SCALE}.
 *
 * @param value          LP value (liquidity and uncollected fees at the latest mark) plus the hedge's unrealized P&amp;L
 * @param cost           dollars put into LP positions, each deposit at its own price
 * @param feesEarned     LP fees, collected and uncollected
 * @param impermanentLoss negative is a loss
 * @param hedgeRealized  before fees
 * @param hedgeUnrealized at the latest mark
 * @param funding        perp funding (negative: paid)
 * @param gas            gas paid, where known (negative)
 * @param feesPaid       venue fees and gas (negative)
 * @param takeProfit     market-making take-profit P&amp;L
 * @param predictionMarket prediction-market P&amp;L
 * @param totalPnl       computed from value and flows, independently of the parts; equals {@code parts.total()}
 * @param parts          the attribution of {@code totalPnl}
 * @param notes          what a figure rests on where the events do not say (funding not reported, gas unknown, ...)
 */
public record Figures(BigDecimal value, BigDecimal cost, BigDecimal feesEarned, BigDecimal impermanentLoss,
                     BigDecimal hedgeRealized, BigDecimal hedgeUnrealized, BigDecimal funding, BigDecimal gas,
                     BigDecimal feesPaid, BigDecimal takeProfit, BigDecimal predictionMarket, BigDecimal totalPnl,
                     PnlParts parts, List<String> notes) {

    public static final Figures ZERO = new Figures(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, PnlParts.ZERO,
            List.of());

    /** Sum of two levels' figures (strategies into a book, books into the desk); exact, notes merged. */
    public Figures plus(Figures o) {
        List<String> merged = new java.util.ArrayList<>(notes);
        o.notes.stream().filter(n -> !merged.contains(n)).forEach(merged::add);
        return new Figures(value.add(o.value), cost.add(o.cost), feesEarned.add(o.feesEarned),
                impermanentLoss.add(o.impermanentLoss), hedgeRealized.add(o.hedgeRealized),
                hedgeUnrealized.add(o.hedgeUnrealized), funding.add(o.funding), gas.add(o.gas),
                feesPaid.add(o.feesPaid), takeProfit.add(o.takeProfit), predictionMarket.add(o.predictionMarket),
                totalPnl.add(o.totalPnl), parts.plus(o.parts), List.copyOf(merged));
    }
}
