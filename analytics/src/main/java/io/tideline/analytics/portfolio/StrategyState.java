package io.tideline.analytics.portfolio;

import java.math.BigDecimal;

/**
 * Everything the read model holds about one strategy that its figures are computed from.
 *
 * @param lp          the LP position, or null (a market-making or prediction-market strategy, or a hedge whose
 *                    position has not been seen)
 * @param hedge       the perp hedge, or null when the strategy has none
 * @param hedgeMark   the hedge market's latest price in dollars, or null when none is known
 * @param funding     funding received (negative: paid), or null when the venue does not report it
 * @param gas         gas paid in dollars (positive), or null when unknown
 * @param takeProfit  market-making take-profit P&amp;L after fees
 * @param predictionMarket prediction-market realized P&amp;L after fees
 */
public record StrategyState(LpHoldings lp, HedgeBook hedge, BigDecimal hedgeMark, BigDecimal funding, BigDecimal gas,
                            BigDecimal takeProfit, BigDecimal predictionMarket) {
}
