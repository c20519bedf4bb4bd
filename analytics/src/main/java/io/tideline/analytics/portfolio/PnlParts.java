package io.tideline.analytics.portfolio;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts P&amp;L is attributed to, in dollars at {@link Money#SCALE}; cumulative from a strategy's start (in the read
 * model and its snapshots) or the change over a window (attribution). Their sum is the total, exactly.
 *
 * @param fees            LP fees earned (collected and uncollected)
 * @param impermanentLoss {@code V(amounts) − V(net deposits)} at the same price; negative is a loss
 * @param market          what the deposited tokens gained or lost with the price ({@code V(deposits) − cost}), the part
 *                        a hedge offsets; it also takes the rounding residual (see {@link StrategyValuation})
 * @param hedge           perp hedge P&amp;L, realized and unrealized at the latest mark, before fees
 * @param funding         perp funding received (negative: paid); zero where the venue does not report it
 * @param feesPaid        venue fees and gas paid, as a negative number
 * @param takeProfit      market-making take-profit P&amp;L, after its fees
 * @param predictionMarket prediction-market realized P&amp;L, after its fees
 */
public record PnlParts(BigDecimal fees, BigDecimal impermanentLoss, BigDecimal market, BigDecimal hedge,
                       BigDecimal funding, BigDecimal feesPaid, BigDecimal takeProfit, BigDecimal predictionMarket) {

    public static final PnlParts ZERO = new PnlParts(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO, Money.ZERO);

    /** The sum of the parts: the total P&amp;L. */
    public BigDecimal total() {
        return fees.add(impermanentLoss).add(market).add(hedge).add(funding).add(feesPaid).add(takeProfit)
                .add(predictionMarket);
    }

    public PnlParts plus(PnlParts o) {
        return new PnlParts(fees.add(o.fees), impermanentLoss.add(o.impermanentLoss), market.add(o.market),
                hedge.add(o.hedge), funding.add(o.funding), feesPaid.add(o.feesPaid), takeProfit.add(o.takeProfit),
                predictionMarket.add(o.predictionMarket));
    }

    public PnlParts minus(PnlParts o) {
        return new PnlParts(fees.subtract(o.fees), impermanentLoss.subtract(o.impermanentLoss),
                market.subtract(o.market), hedge.subtract(o.hedge), funding.subtract(o.funding),
                feesPaid.subtract(o.feesPaid), takeProfit.subtract(o.takeProfit),
                predictionMarket.subtract(o.predictionMarket));
    }

    /** Named parts in a fixed order (reports, charts). */
    public Map<String, BigDecimal> named() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("fees", fees);
        m.put("impermanentLoss", impermanentLoss);
        m.put("market", market);
        m.put("hedge", hedge);
        m.put("funding", funding);
        m.put("feesPaid", feesPaid);
        m.put("takeProfit", takeProfit);
        m.put("predictionMarket", predictionMarket);
        return m;
    }
}
