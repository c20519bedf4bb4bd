package io.tideline.analytics.rebalance;

import java.math.BigDecimal;

/**
 * One suggested range for a position at one risk level, with its estimates (fractions: 0.123456 = 12.3456 %).
 *
 * @param halfWidth        the half width asked for, in ticks (before rounding the bounds out to the tick spacing)
 * @param expectedFeeApr   expected fees per year over the capital, scale 6; null without volume or price history
 * @param timeInRange      the share of the horizon the range would have held the price, from the lookback, scale 6
 * @param ilRisk           expected impermanent loss against holding for a one-standard-deviation move over the
 *                         horizon, a positive fraction of the value held, scale 6; null without volatility
 * @param confidence       0 to 1, scale 4 (see the README for the formula)
 */
public record RebalanceProposal(RiskLevel riskLevel, int tickLower, int tickUpper, int halfWidth,
                                BigDecimal expectedFeeApr, BigDecimal timeInRange, BigDecimal ilRisk,
                                BigDecimal confidence) {
}
