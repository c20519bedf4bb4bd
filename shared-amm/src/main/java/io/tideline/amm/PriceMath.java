package io.tideline.amm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Human prices for ticks and sqrt prices. A price here is the price of one whole token0 in whole token1
 * ({@code 1.0001^tick * 10^(decimals0 - decimals1)}): for a USDC (6) / WETH (18) pool that is WETH per USDC, and
 * its reciprocal is USDC per WETH.
 *
 * <p>Prices are computed from the sqrt price the pool actually holds, so the price of a tick is that of
 * {@link TickMath#getSqrtRatioAtTick}, which differs from {@code 1.0001^tick} by the contract's own rounding.
 */
public final class PriceMath {

    private static final int PRICE_SHIFT = 2 * FixedPoint.RESOLUTION_96;

    private PriceMath() {
    }

    /**
     * The human price at a sqrt price, {@code (sqrtPriceX96 / 2^96)^2 * 10^(decimals0 - decimals1)}, computed exactly
     * and then rounded once to {@code scale} decimal places with {@code rounding}.
     *
     * @param sqrtPriceX96 a uint160, e.g. {@code slot0.sqrtPriceX96}
     * @param decimals0 token0's ERC-20 decimals (0..255)
     * @param decimals1 token1's ERC-20 decimals (0..255)
     */
    public static BigDecimal getPriceAtSqrtRatio(
            BigInteger sqrtPriceX96, int decimals0, int decimals1, int scale, RoundingMode rounding) {
        SolidityUint.require("sqrtPriceX96", sqrtPriceX96, 160);
        requireDecimals(decimals0, decimals1);
        Objects.requireNonNull(rounding, "rounding");
        BigInteger numerator = sqrtPriceX96.multiply(sqrtPriceX96);
        BigInteger denominator = BigInteger.ONE.shiftLeft(PRICE_SHIFT);
        int exponent = decimals0 - decimals1;
        if (exponent > 0) {
            numerator = numerator.multiply(BigInteger.TEN.pow(exponent));
        } else if (exponent < 0) {
            denominator = denominator.multiply(BigInteger.TEN.pow(-exponent));
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, rounding);
    }

    /**
     * The human price at a tick: {@link #getPriceAtSqrtRatio} of {@link TickMath#getSqrtRatioAtTick}, rounded once to
     * {@code scale} decimal places with {@code rounding}.
     *
     * @throws AmmMathException {@link AmmMathException.Reason#TICK_OUT_OF_RANGE} ('T') outside the tick range
     */
    public static BigDecimal getPriceAtTick(int tick, int decimals0, int decimals1, int scale, RoundingMode rounding) {
        return getPriceAtSqrtRatio(TickMath.getSqrtRatioAtTick(tick), decimals0, decimals1, scale, rounding);
    }

    /**
     * The sqrt price of a human price, {@code floor(sqrt(price * 10^(decimals1 - decimals0)) * 2^96)}, exact and
     * <b>rounded down</b>.
     *
     * @throws IllegalArgumentException if {@code price <= 0} or the result does not fit in a uint160
     */
    public static BigInteger getSqrtRatioAtPrice(BigDecimal price, int decimals0, int decimals1) {
        BigInteger sqrtPriceX96 = floorSqrtPriceX96(price, decimals0, decimals1);
        if (sqrtPriceX96.bitLength() > 160) {
            throw new IllegalArgumentException("price " + price + " is beyond any sqrt price a pool can hold");
        }
        return sqrtPriceX96;
    }

    /**
     * The greatest tick whose price is at most {@code price} (the <b>floor</b>): {@link TickMath#getTickAtSqrtRatio}
     * of {@link #getSqrtRatioAtPrice}.
     *
     * @throws AmmMathException {@link AmmMathException.Reason#SQRT_RATIO_OUT_OF_RANGE} ('R') if the price is below the
     *         lowest tick's or at or above the highest tick's
     * @throws IllegalArgumentException if {@code price <= 0}
     */
    public static int getTickAtPrice(BigDecimal price, int decimals0, int decimals1) {
        BigInteger sqrtPriceX96 = floorSqrtPriceX96(price, decimals0, decimals1);
        if (sqrtPriceX96.compareTo(TickMath.MIN_SQRT_RATIO) < 0 || sqrtPriceX96.compareTo(TickMath.MAX_SQRT_RATIO) >= 0) {
            throw new AmmMathException(AmmMathException.Reason.SQRT_RATIO_OUT_OF_RANGE, "PriceMath.getTickAtPrice: price "
                    + price + " (decimals " + decimals0 + "/" + decimals1 + ") is outside the prices of ticks ["
                    + TickMath.MIN_TICK + ", " + TickMath.MAX_TICK + ")");
        }
        return TickMath.getTickAtSqrtRatio(sqrtPriceX96);
    }

    private static BigInteger floorSqrtPriceX96(BigDecimal price, int decimals0, int decimals1) {
        Objects.requireNonNull(price, "price");
        requireDecimals(decimals0, decimals1);
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + price);
        }
        // price = unscaled * 10^-scale, so price * 10^(d1 - d0) * 2^192 = unscaled * 2^192 * 10^(d1 - d0 - scale);
        // floor(sqrt(x)) == isqrt(floor(x)), so flooring before the integer square root loses nothing.
        BigInteger scaled = price.unscaledValue().shiftLeft(PRICE_SHIFT);
        long exponent = (long) decimals1 - decimals0 - price.scale();
        if (exponent >= 0) {
            scaled = scaled.multiply(BigInteger.TEN.pow(Math.toIntExact(exponent)));
        } else {
            scaled = scaled.divide(BigInteger.TEN.pow(Math.toIntExact(-exponent)));
        }
        return scaled.sqrt();
    }

    private static void requireDecimals(int decimals0, int decimals1) {
        if (decimals0 < 0 || decimals0 > 255 || decimals1 < 0 || decimals1 > 255) {
            throw new IllegalArgumentException(
                    "token decimals must be uint8 (0..255), were " + decimals0 + " and " + decimals1);
        }
    }
}
