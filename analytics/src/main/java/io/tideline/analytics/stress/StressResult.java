package io.tideline.analytics.stress;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One position under one shock, in dollars at {@link io.tideline.analytics.portfolio.Money#SCALE}.
 *
 * @param shock          the move of the volatile token's dollar price, e.g. {@code -0.2}
 * @param poolPrice      the pool price after the move, token1 per token0
 * @param amount0/1      what the liquidity holds at the moved price (shared-amm, rounded down as a burn pays)
 * @param lpValue        amounts and uncollected fees at the moved price
 * @param lpChange       {@code lpValue} minus the value now
 * @param hedgeChange    the hedge's P&amp;L from the move: {@code openQuantity × (moved mark − mark)}
 * @param netChange      {@code lpChange + hedgeChange}
 */
public record StressResult(String strategyId, BigDecimal shock, BigDecimal poolPrice, BigInteger amount0,
                           BigInteger amount1, BigDecimal lpValue, BigDecimal lpChange, BigDecimal hedgeChange,
                           BigDecimal netChange) {
}
