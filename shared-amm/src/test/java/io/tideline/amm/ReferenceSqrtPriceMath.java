package io.tideline.amm;

import java.math.BigInteger;

/**
 * The BigInteger port of v3-core's SqrtPriceMath that shared-amm used before its limb arithmetic: the reference the
 * allocation-free path is checked against.
 *
 * <p>
 * Token amounts between two sqrt prices for a liquidity, as v3-core's {@code SqrtPriceMath}
 * ({@code getAmount0Delta}, {@code getAmount1Delta}). The pool rounds up what it takes in (mint) and down what it
 * pays out (burn); the signed overloads do the same from a liquidity delta.
 */
final class ReferenceSqrtPriceMath {

    private ReferenceSqrtPriceMath() {
    }

    /**
     * Token0 between two sqrt prices, in either order: {@code L * 2^96 * (sqrtB - sqrtA) / sqrtB / sqrtA}, rounded
     * <b>up</b> at both divisions if {@code roundUp}, else <b>down</b> at both.
     *
     * @param liquidity a uint128
     * @throws AmmMathException {@link AmmMathException.Reason#ZERO_SQRT_RATIO} if the lower sqrt price is 0
     */
    static BigInteger getAmount0Delta(
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
    static BigInteger getAmount1Delta(
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
    static BigInteger getAmount0Delta(
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
    static BigInteger getAmount1Delta(
            BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger liquidityDelta) {
        return liquidityDelta.signum() < 0
                ? getAmount1Delta(sqrtRatioAX96, sqrtRatioBX96, int128Magnitude(liquidityDelta), false).negate()
                : getAmount1Delta(sqrtRatioAX96, sqrtRatioBX96, int128Magnitude(liquidityDelta), true);
    }

    private static BigInteger int128Magnitude(BigInteger liquidityDelta) {
        if (liquidityDelta.bitLength() > 127) {
            throw new IllegalArgumentException("liquidityDelta must be an int128, was " + liquidityDelta);
        }
        return liquidityDelta.abs();
    }
}
