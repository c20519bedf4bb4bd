package io.tideline.analytics.stress;

import io.tideline.analytics.portfolio.HedgeBook;
import io.tideline.analytics.portfolio.TokenPair;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An LP position and its hedge as the stress test moves them: the range's sqrt ratios, its liquidity, the pool's
 * current price, and the perp hedge with its mark.
 *
 * @param sqrtRatioLowerX96 {@code TickMath.getSqrtRatioAtTick(tickLower)}
 * @param sqrtRatioUpperX96 {@code TickMath.getSqrtRatioAtTick(tickUpper)}
 * @param price             the pool's price now, token1 per token0
 * @param uncollected0/1    fees owed, raw units (they do not move with the price, their value does)
 * @param hedge             the hedge (EMPTY when none), in the volatile token against dollars
 * @param hedgeMark         the hedge market's price now, in dollars
 */
public record LpShape(String strategyId, TokenPair tokens, BigInteger sqrtRatioLowerX96, BigInteger sqrtRatioUpperX96,
                      BigInteger liquidity, BigDecimal price, BigInteger uncollected0, BigInteger uncollected1,
                      HedgeBook hedge, BigDecimal hedgeMark) {
}
