package io.tideline.amm;

import java.math.BigInteger;

/**
 * Token amounts between two sqrt prices for a liquidity, as v3-core's {@code SqrtPriceMath}
 * ({@code getAmount0Delta}, {@code getAmount1Delta}). The pool rounds up what it takes in (mint) and down what it
 * pays out (burn); the signed overloads do the same from a liquidity delta.
 *
 * <p>Each function has a {@link Uint256} {@code long[4]} overload that allocates nothing; the {@link BigInteger} ones
 * convert and call it.
 */
public final class SqrtPriceMath {

    private static final long LOW_32_BITS = 0xFFFF_FFFFL;

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
        long[] amount = Uint256.zero();
        getAmount0Delta(Uint256.of(sqrtRatioAX96), Uint256.of(sqrtRatioBX96), Uint256.of(liquidity), roundUp, amount);
        return Uint256.toBigInteger(amount);
    }

    /**
     * {@link #getAmount0Delta(BigInteger, BigInteger, BigInteger, boolean)} allocating nothing: arguments and result
     * are {@link Uint256} {@code long[4]}s; {@code amount0} may be one of the arguments.
     */
    public static void getAmount0Delta(
            long[] sqrtRatioAX96, long[] sqrtRatioBX96, long[] liquidity, boolean roundUp, long[] amount0) {
        Uint256.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        Uint256.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        Uint256.require("liquidity", liquidity, 128);
        Uint256.require("amount0", amount0, 256);
        boolean aIsLower = !Uint256.lessThan(sqrtRatioBX96, sqrtRatioAX96);
        long[] lower = aIsLower ? sqrtRatioAX96 : sqrtRatioBX96;
        long[] upper = aIsLower ? sqrtRatioBX96 : sqrtRatioAX96;
        if (Uint256.isZero(lower)) {
            throw new AmmMathException(AmmMathException.Reason.ZERO_SQRT_RATIO,
                    "SqrtPriceMath.getAmount0Delta: the lower sqrt price is 0");
        }
        amount0(lower, upper, liquidity, roundUp, amount0, LimbScratch.get());
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
        long[] amount = Uint256.zero();
        getAmount1Delta(Uint256.of(sqrtRatioAX96), Uint256.of(sqrtRatioBX96), Uint256.of(liquidity), roundUp, amount);
        return Uint256.toBigInteger(amount);
    }

    /**
     * {@link #getAmount1Delta(BigInteger, BigInteger, BigInteger, boolean)} allocating nothing: arguments and result
     * are {@link Uint256} {@code long[4]}s; {@code amount1} may be one of the arguments.
     */
    public static void getAmount1Delta(
            long[] sqrtRatioAX96, long[] sqrtRatioBX96, long[] liquidity, boolean roundUp, long[] amount1) {
        Uint256.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        Uint256.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        Uint256.require("liquidity", liquidity, 128);
        Uint256.require("amount1", amount1, 256);
        boolean aIsLower = !Uint256.lessThan(sqrtRatioBX96, sqrtRatioAX96);
        long[] lower = aIsLower ? sqrtRatioAX96 : sqrtRatioBX96;
        long[] upper = aIsLower ? sqrtRatioBX96 : sqrtRatioAX96;
        amount1(lower, upper, liquidity, roundUp, amount1, LimbScratch.get());
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

    /**
     * Token0 on checked, ordered arguments ({@code 0 < lower <= upper}, uint160s, a uint128 liquidity) into
     * {@code out}, which may alias an argument.
     *
     * <p>The contract divides {@code L * 2^96 * (upper - lower)} by upper, then by lower, rounding the same way both
     * times. For positive integers {@code floor(floor(x / a) / b) == floor(x / (a * b))}, and likewise for ceilings,
     * so one division by the (at most 320-bit) product gives its result.
     */
    static void amount0(long[] lower, long[] upper, long[] liquidity, boolean roundUp, long[] out,
            LimbScratch scratch) {
        long[] difference = scratch.first;
        Uint256.subtract(upper, lower, difference);
        long[] product = scratch.product;
        Limbs.multiply(liquidity, 2, difference, 3, product);
        // numerator = product << 96: one whole limb and 32 bits
        long[] numerator = scratch.dividend;
        numerator[0] = 0;
        numerator[1] = product[0] << 32;
        for (int i = 2; i < 6; i++) {
            numerator[i] = (product[i - 1] << 32) | (product[i - 2] >>> 32);
        }
        numerator[6] = product[4] >>> 32;
        int m = Limbs.significant(numerator, 7);
        long[] denominator = scratch.divisor;
        Limbs.multiply(lower, 3, upper, 3, denominator);
        int n = Limbs.significant(denominator, 6);
        divideInto(numerator, m, denominator, n, roundUp, out, scratch);
    }

    /** Token1 on checked, ordered arguments into {@code out}, which may alias an argument. */
    static void amount1(long[] lower, long[] upper, long[] liquidity, boolean roundUp, long[] out,
            LimbScratch scratch) {
        long[] difference = scratch.first;
        Uint256.subtract(upper, lower, difference);
        long[] product = scratch.product;
        Limbs.multiply(liquidity, 2, difference, 3, product);
        // product >> 96, at most 192 bits; rounded up when any of the 96 bits shifted out is set
        boolean inexact = product[0] != 0 || (product[1] & LOW_32_BITS) != 0;
        out[0] = (product[1] >>> 32) | (product[2] << 32);
        out[1] = (product[2] >>> 32) | (product[3] << 32);
        out[2] = (product[3] >>> 32) | (product[4] << 32);
        out[3] = 0;
        if (roundUp && inexact) {
            Uint256.increment(out);
        }
    }

    /**
     * {@code numerator / denominator} rounded as asked into {@code out}, for a quotient known to fit in 256 bits and a
     * non-zero denominator.
     */
    private static void divideInto(long[] numerator, int m, long[] denominator, int n, boolean roundUp, long[] out,
            LimbScratch scratch) {
        if (m < n) {
            Uint256.clear(out);
            if (roundUp && m > 0) {
                out[0] = 1;
            }
            return;
        }
        long[] quotient = scratch.quotient;
        boolean inexact = Limbs.divide(numerator, m, denominator, n, quotient, scratch.work, scratch.divisorNormalised);
        int digits = m - n + 1;
        for (int i = 0; i < Uint256.LIMBS; i++) {
            out[i] = i < digits ? quotient[i] : 0;
        }
        if (roundUp && inexact) {
            Uint256.increment(out);
        }
    }
}
