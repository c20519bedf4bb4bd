package io.tideline.analytics.portfolio;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What the read model knows of an LP position, as exact token amounts (raw units) and one dollar figure, its cost.
 *
 * @param amount0/amount1           what the liquidity is worth at the latest valuation (burn amounts)
 * @param uncollected0/uncollected1 fees earned and not collected at the latest valuation
 * @param deposited0/deposited1     principal put in over the position's life
 * @param withdrawn0/withdrawn1     principal taken out
 * @param feesCollected0/1          fees collected (collects beyond the principal owed; at the close, lp-tracker's totals)
 * @param cost                      dollars: each deposit valued at its own price
 * @param price                     the latest pool price, token1 per token0
 */
public record LpHoldings(TokenPair tokens, BigInteger amount0, BigInteger amount1, BigInteger uncollected0,
                         BigInteger uncollected1, BigInteger deposited0, BigInteger deposited1, BigInteger withdrawn0,
                         BigInteger withdrawn1, BigInteger feesCollected0, BigInteger feesCollected1, BigDecimal cost,
                         BigDecimal price) {
}
