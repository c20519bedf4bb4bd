package io.tideline.analytics.rebalance;

import io.tideline.analytics.regime.Regime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The rebalancing suggestions for one position at one moment (one per risk level), with the inputs they were made
 * from, so that each figure can be checked again.
 *
 * @param tick              the pool's tick at the position's latest valuation
 * @param bars              how many bars of the lookback backed the estimates
 * @param sigmaTicks        sample standard deviation of the bar-to-bar close tick changes, scale 6; null under 3 bars
 * @param horizonSigmaTicks sigmaTicks × √horizon, scale 6
 * @param volumeToken1      swap volume over the lookback valued in token1 at each bar's close, raw
 * @param capitalToken1     what the position holds (amounts and uncollected fees) in token1 at the current price, raw
 * @param poolLiquidity     the pool's in-range liquidity at the last bar without the position's own, raw
 * @param walkForwardMeanTestReturn the latest walk-forward range suggestion's mean test return for this pool, if any
 * @param currentFeeApr     the same fee estimate for the position's current range and liquidity, for comparison
 * @param currentIlRisk     the same IL estimate for the current range (relative to the current price)
 */
public record RebalancePlan(String positionKey, String pool, int feePips, int tickSpacing, int tick,
                            int currentLower, int currentUpper, BigInteger currentLiquidity, int bars,
                            BigDecimal sigmaTicks, BigDecimal horizonSigmaTicks, BigInteger volumeToken1,
                            BigInteger capitalToken1, BigInteger poolLiquidity, Regime regime,
                            BigDecimal walkForwardMeanTestReturn, BigDecimal currentFeeApr,
                            BigDecimal currentIlRisk, List<RebalanceProposal> proposals) {
}
