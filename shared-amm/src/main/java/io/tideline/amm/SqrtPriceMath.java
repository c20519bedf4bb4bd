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
        amount1(lower, upper, liquidity, roundUp, amount1);
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
        Limbs.multiply2By3(liquidity, difference, product);
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
        Limbs.multiply3By3(lower, upper, denominator);
        int n = Limbs.significant(denominator, 6);
        divideInto(numerator, m, denominator, n, roundUp, out, scratch);
    }

    /**
     * Token1 on checked, ordered arguments into {@code out}, which may alias an argument: {@code L * (upper - lower)}
     * (at most 128 + 160 bits, five limbs) shifted right by 96, rounded up if asked and any shifted-out bit is set.
     * Straight-line on locals, with neither scratch nor loops: it is the cheapest function and its overhead would
     * otherwise dominate.
     */
    static void amount1(long[] lower, long[] upper, long[] liquidity, boolean roundUp, long[] out) {
        long u0 = upper[0];
        long u1 = upper[1];
        long l0 = lower[0];
        long l1 = lower[1];
        // d = upper - lower, three limbs (both uint160, upper >= lower)
        long d0 = u0 - l0;
        long borrow = Long.compareUnsigned(u0, l0) < 0 ? 1 : 0;
        long d1 = u1 - l1 - borrow;
        borrow = Long.compareUnsigned(u1, l1) < 0 || (u1 == l1 && borrow != 0) ? 1 : 0;
        long d2 = upper[2] - lower[2] - borrow;
        long a0 = liquidity[0];
        long a1 = liquidity[1];
        // p = (a1:a0) * (d2:d1:d0) = p4:p3:p2:p1:p0. Each step adds at most two 64-bit values to a 128-bit product,
        // which cannot overflow 128 bits, so a high half plus its carries stays within 64 bits.
        long p0 = a0 * d0;
        long high = Limbs.unsignedMultiplyHigh(a0, d0);
        long r1 = a0 * d1 + high;
        high = Limbs.unsignedMultiplyHigh(a0, d1) + (Long.compareUnsigned(r1, high) < 0 ? 1 : 0);
        long r2 = a0 * d2 + high;
        long r3 = Limbs.unsignedMultiplyHigh(a0, d2) + (Long.compareUnsigned(r2, high) < 0 ? 1 : 0);
        // + (a1 * d) << 64
        long low = a1 * d0;
        long p1 = r1 + low;
        high = Limbs.unsignedMultiplyHigh(a1, d0) + (Long.compareUnsigned(p1, low) < 0 ? 1 : 0);
        low = a1 * d1 + high;
        long carry = Long.compareUnsigned(low, high) < 0 ? 1 : 0;
        long p2 = r2 + low;
        high = Limbs.unsignedMultiplyHigh(a1, d1) + carry + (Long.compareUnsigned(p2, low) < 0 ? 1 : 0);
        low = a1 * d2 + high;
        carry = Long.compareUnsigned(low, high) < 0 ? 1 : 0;
        long p3 = r3 + low;
        long p4 = Limbs.unsignedMultiplyHigh(a1, d2) + carry + (Long.compareUnsigned(p3, low) < 0 ? 1 : 0);
        // p >> 96, at most 192 bits; rounded up when any of the 96 bits shifted out is set
        boolean inexact = p0 != 0 || (p1 & LOW_32_BITS) != 0;
        out[0] = (p1 >>> 32) | (p2 << 32);
        out[1] = (p2 >>> 32) | (p3 << 32);
        out[2] = (p3 >>> 32) | (p4 << 32);
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
