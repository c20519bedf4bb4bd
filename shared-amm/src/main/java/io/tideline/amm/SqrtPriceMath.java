package io.tideline.amm;

import java.math.BigInteger;

/**
 * Token amounts between two sqrt prices for a liquidity, as v3-core's {@code SqrtPriceMath}
 * ({@code getAmount0Delta}, {@code getAmount1Delta}). The pool rounds up what it takes in (mint) and down what it
 * pays out (burn); the signed overloads do the same from a liquidity delta.
 */
public final class SqrtPriceMath {

    private SqrtPriceMath() {
    }

    /**
     * Token0 between two sqrt prices, in either order: {@code L * 2^96 * (sqrtB - sqrtA) / sqrtB / sqrtA}, rounded
     * <b>up</b> at both divisions if {@code roundUp}, else <b>down</b> at both.
     *
     * @param liquidity a uint128
     * @throws AmmMathException {@link AmmMathException.Reason#ZERO_SQRT_RATIO} if the lower sqrt price is 0
     */
    public static BigInteger getAmount0Delta(
            BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger liquidity, boolean roundUp) {
        SolidityUint.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        SolidityUint.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        SolidityUint.require("liquidity", liquidity, 128);
        BigInteger lower = sqrtRatioAX96.min(sqrtRatioBX96);
        BigInteger upper = sqrtRatioAX96.max(sqrtRatioBX96);
        if (lower.signum() == 0) {
            throw new AmmMathException(AmmMathException.Reason.ZERO_SQRT_RATIO,
                    "SqrtPriceMath.getAmount0Delta: the lower sqrt price is 0");
        }
        // The contract divides by upper, then by lower, rounding the same way both times. For positive integers
        // floor(floor(x / a) / b) == floor(x / (a * b)), and likewise for ceilings, so one division gives its result.
        BigInteger numerator = liquidity.shiftLeft(FixedPoint.RESOLUTION_96).multiply(upper.subtract(lower));
        BigInteger denominator = upper.multiply(lower);
        return roundUp ? FullMath.divRoundingUp(numerator, denominator) : numerator.divide(denominator);
    }

    /**
     * Token1 between two sqrt prices, in either order: {@code L * (sqrtB - sqrtA) / 2^96}, rounded <b>up</b> if
     * {@code roundUp}, else <b>down</b>.
     *
     * @param liquidity a uint128
     */
    public static BigInteger getAmount1Delta(
            BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger liquidity, boolean roundUp) {
        SolidityUint.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        SolidityUint.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        SolidityUint.require("liquidity", liquidity, 128);
        BigInteger difference = sqrtRatioAX96.subtract(sqrtRatioBX96).abs();
        return roundUp
                ? FullMath.mulDivRoundingUpUnchecked(liquidity, difference, FixedPoint.Q96)
                : FullMath.mulDivUnchecked(liquidity, difference, FixedPoint.Q96);
    }

    /**
     * Signed token0 for a liquidity change, as the pool settles a mint or burn: a positive {@code liquidityDelta}
     * (mint) gives the amount owed to the pool rounded <b>up</b>; a negative one (burn) gives minus the amount paid
     * out rounded <b>down</b>.
     *
     * @param liquidityDelta an int128
     */
    public static BigInteger getAmount0Delta(
            BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger liquidityDelta) {
        return liquidityDelta.signum() < 0
                ? getAmount0Delta(sqrtRatioAX96, sqrtRatioBX96, int128Magnitude(liquidityDelta), false).negate()
                : getAmount0Delta(sqrtRatioAX96, sqrtRatioBX96, int128Magnitude(liquidityDelta), true);
    }

    /**
     * Signed token1 for a liquidity change: rounded <b>up</b> for a mint (positive delta), minus the amount rounded
     * <b>down</b> for a burn (negative delta).
     *
     * @param liquidityDelta an int128
     */
    public static BigInteger getAmount1Delta(
            BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger liquidityDelta) {
        return liquidityDelta.signum() < 0
                ? getAmount1Delta(sqrtRatioAX96, sqrtRatioBX96, int128Magnitude(liquidityDelta), false).negate()
                : getAmount1Delta(sqrtRatioAX96, sqrtRatioBX96, int128Magnitude(liquidityDelta), true);
    }

    /**
     * The sqrt price after {@code amountIn} of the input token enters a range of liquidity {@code liquidity}, as
     * v3-core's {@code getNextSqrtPriceFromInput}: token0 in ({@code zeroForOne}) rounds the next price <b>up</b>,
     * token1 in rounds it <b>down</b> — either way the price moves no further than the input pays for.
     *
     * @param liquidity a uint128, not 0
     * @throws IllegalArgumentException if the price or the liquidity is 0
     */
    public static BigInteger getNextSqrtPriceFromInput(
            BigInteger sqrtPriceX96, BigInteger liquidity, BigInteger amountIn, boolean zeroForOne) {
        SolidityUint.require("sqrtPriceX96", sqrtPriceX96, 160);
        SolidityUint.require("liquidity", liquidity, 128);
        SolidityUint.require("amountIn", amountIn, 256);
        if (sqrtPriceX96.signum() == 0 || liquidity.signum() == 0) {
            throw new IllegalArgumentException("getNextSqrtPriceFromInput needs a price and a liquidity above 0");
        }
        return zeroForOne
                ? getNextSqrtPriceFromAmount0RoundingUp(sqrtPriceX96, liquidity, amountIn)
                : getNextSqrtPriceFromAmount1RoundingDown(sqrtPriceX96, liquidity, amountIn);
    }

    /**
     * {@code L * sqrtP / (L + amount * sqrtP)} rounded up, or — where v3-core's uint256 product or sum would overflow —
     * its fallback {@code L / (L / sqrtP + amount)} rounded up; the branch changes the rounding, so it is kept.
     */
    private static BigInteger getNextSqrtPriceFromAmount0RoundingUp(
            BigInteger sqrtPriceX96, BigInteger liquidity, BigInteger amount) {
        if (amount.signum() == 0) {
            return sqrtPriceX96;
        }
        BigInteger numerator1 = liquidity.shiftLeft(FixedPoint.RESOLUTION_96);
        BigInteger product = amount.multiply(sqrtPriceX96);
        if (product.bitLength() <= 256) {
            BigInteger denominator = numerator1.add(product);
            if (denominator.bitLength() <= 256) {
                return FullMath.mulDivRoundingUpUnchecked(numerator1, sqrtPriceX96, denominator);
            }
        }
        return SolidityUint.require("next sqrt price",
                FullMath.divRoundingUp(numerator1, numerator1.divide(sqrtPriceX96).add(amount)), 160);
    }

    /** {@code sqrtP + amount * 2^96 / L} rounded down (v3-core shifts when the amount fits in 160 bits: the same). */
    private static BigInteger getNextSqrtPriceFromAmount1RoundingDown(
            BigInteger sqrtPriceX96, BigInteger liquidity, BigInteger amount) {
        BigInteger quotient = amount.shiftLeft(FixedPoint.RESOLUTION_96).divide(liquidity);
        return SolidityUint.require("next sqrt price", sqrtPriceX96.add(quotient), 160);
    }

    private static BigInteger int128Magnitude(BigInteger liquidityDelta) {
        if (liquidityDelta.bitLength() > 127) {
            throw new IllegalArgumentException("liquidityDelta must be an int128, was " + liquidityDelta);
        }
        return liquidityDelta.abs();
    }
}
