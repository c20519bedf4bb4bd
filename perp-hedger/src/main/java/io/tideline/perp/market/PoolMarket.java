package io.tideline.perp.market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How one pool is hedged: on which perp market, which of its tokens the market's base asset tracks, and the market's
 * order-size step.
 *
 * @param pool             {@code chainId:poolAddress}, lower case
 * @param volatileIsToken0 whether the market's base asset is the pool's token0 (then the market price is the pool
 *                         price, token1 per token0) or token1 (then it is the inverse)
 */
public record PoolMarket(String pool, String market, boolean volatileIsToken0, BigDecimal step) {

    /** Scale of market prices derived from pool prices (token1 per token0 may be tiny, e.g. WETH per USDC). */
    public static final int PRICE_SCALE = 18;

    /** The market's price (collateral per base) from the pool's price (token1 per token0). */
    public BigDecimal marketPrice(BigDecimal poolPrice) {
        return marketPrice(poolPrice, volatileIsToken0);
    }

    /** The market's price from a pool price: the price itself, or its inverse (34 digits, then 18 decimals). */
    public static BigDecimal marketPrice(BigDecimal poolPrice, boolean volatileIsToken0) {
        if (volatileIsToken0) {
            return poolPrice;
        }
        if (poolPrice.signum() == 0) {
            throw new ArithmeticException("pool price is zero");
        }
        return BigDecimal.ONE.divide(poolPrice, new MathContext(34, RoundingMode.HALF_EVEN))
                .setScale(PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
