package io.tideline.analytics.portfolio;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A pool's two tokens as far as valuation needs them: their decimals and which of them is the dollar.
 *
 * @param dollar which token is a dollar stablecoin; {@link Dollar#NEITHER} values in token1 and says so
 */
public record TokenPair(String symbol0, int decimals0, String symbol1, int decimals1, Dollar dollar) {

    /** Which of the pool's tokens is worth one dollar. */
    public enum Dollar {
        TOKEN0,
        TOKEN1,
        NEITHER
    }

    /**
     * {@code V(x0, x1) = x0 · 10^−d0 · P + x1 · 10^−d1}, exact, in token1 ({@code price} is token1 per token0, as
     * lp-tracker publishes it).
     */
    public BigDecimal valueInToken1(BigInteger amount0, BigInteger amount1, BigDecimal price) {
        return new BigDecimal(amount0).movePointLeft(decimals0).multiply(price)
                .add(new BigDecimal(amount1).movePointLeft(decimals1));
    }

    /** A token1 figure in dollars at {@code price}: exact when token1 is the dollar, divided by the price when token0 is. */
    public BigDecimal token1InDollars(BigDecimal token1Value, BigDecimal price) {
        return switch (dollar) {
            case TOKEN1, NEITHER -> token1Value;
            case TOKEN0 -> token1Value.divide(price, 36, java.math.RoundingMode.HALF_EVEN);
        };
    }

    /** The volatile token's price in dollars: P when token1 is the dollar, 1/P when token0 is. */
    public BigDecimal volatilePriceInDollars(BigDecimal price) {
        return dollar == Dollar.TOKEN0 ? BigDecimal.ONE.divide(price, 36, java.math.RoundingMode.HALF_EVEN) : price;
    }
}
