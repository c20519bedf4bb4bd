package io.tideline.lp.position;

import io.tideline.amm.PriceMath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Values in token1, in whole token1 units (decimals applied), scale {@value #SCALE}, rounded half-even once at the
 * end. Prices are token1 per token0 in whole units, computed exactly from sqrtPriceX96 and rounded to
 * {@value #PRICE_SCALE} places.
 */
public final class TokenValue {

    public static final int SCALE = 18;
    public static final int PRICE_SCALE = 36;

    private TokenValue() {
    }

    public static BigDecimal price(BigInteger sqrtPriceX96, PoolState pool) {
        return PriceMath.getPriceAtSqrtRatio(sqrtPriceX96, pool.token0.decimals(), pool.token1.decimals(),
                PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** {@code amount0 * price + amount1}, raw integer amounts in, whole token1 units out. */
    public static BigDecimal inToken1(BigInteger amount0, BigInteger amount1, BigDecimal price, PoolState pool) {
        BigDecimal whole0 = new BigDecimal(amount0, pool.token0.decimals());
        BigDecimal whole1 = new BigDecimal(amount1, pool.token1.decimals());
        return whole0.multiply(price).add(whole1).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** The public price (scale 18) of an internal one. */
    public static BigDecimal published(BigDecimal price) {
        return price.setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
