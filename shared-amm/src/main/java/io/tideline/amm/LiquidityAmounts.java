package io.tideline.amm;

import java.math.BigInteger;

/**
 * Liquidity for token amounts and token amounts for liquidity at a price, as v3-periphery's
 * {@code LiquidityAmounts}. Every result <b>rounds down</b>: a position is never credited more liquidity than its
 * amounts buy, nor valued at more than it would pay out. The two range bounds may be given in either order, and
 * where the contract's {@code FullMath} reverts (a product too large even for 512 bits over the divisor) so does
 * this, with {@link AmmMathException.Reason#MUL_DIV_OVERFLOW}.
 */
public final class LiquidityAmounts {

    private LiquidityAmounts() {
    }

    /**
     * Liquidity that {@code amount0} of token0 buys over the range, {@code amount0 * (sqrtA * sqrtB / 2^96) /
     * (sqrtB - sqrtA)}, <b>rounded down</b> at both divisions.
     *
     * @throws AmmMathException {@link AmmMathException.Reason#UINT128_OVERFLOW} if the liquidity does not fit in a
     *         uint128 (the contract's {@code toUint128}); {@link AmmMathException.Reason#DIVISION_BY_ZERO} if the
     *         bounds are equal
     */
    public static BigInteger getLiquidityForAmount0(
            BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger amount0) {
        SolidityUint.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        SolidityUint.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        SolidityUint.require("amount0", amount0, 256);
        return liquidityForAmount0(sqrtRatioAX96.min(sqrtRatioBX96), sqrtRatioAX96.max(sqrtRatioBX96), amount0);
    }

    /**
     * Liquidity that {@code amount1} of token1 buys over the range, {@code amount1 * 2^96 / (sqrtB - sqrtA)},
     * <b>rounded down</b>.
     *
     * @throws AmmMathException {@link AmmMathException.Reason#UINT128_OVERFLOW} if the liquidity does not fit in a
     *         uint128; {@link AmmMathException.Reason#DIVISION_BY_ZERO} if the bounds are equal
     */
    public static BigInteger getLiquidityForAmount1(
            BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger amount1) {
        SolidityUint.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        SolidityUint.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        SolidityUint.require("amount1", amount1, 256);
        return liquidityForAmount1(sqrtRatioAX96.min(sqrtRatioBX96), sqrtRatioAX96.max(sqrtRatioBX96), amount1);
    }

    /**
     * The most liquidity the two amounts buy at the current price: all token0 at or below the range, all token1 at
     * or above it, and inside it the smaller of the two (each <b>rounded down</b>).
     *
     * @throws AmmMathException {@link AmmMathException.Reason#UINT128_OVERFLOW} where the contract's
     *         {@code toUint128} reverts; {@link AmmMathException.Reason#DIVISION_BY_ZERO} if the bounds are equal
     */
    public static BigInteger getLiquidityForAmounts(BigInteger sqrtPriceX96, BigInteger sqrtRatioAX96,
            BigInteger sqrtRatioBX96, BigInteger amount0, BigInteger amount1) {
        SolidityUint.require("sqrtPriceX96", sqrtPriceX96, 160);
        SolidityUint.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        SolidityUint.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        SolidityUint.require("amount0", amount0, 256);
        SolidityUint.require("amount1", amount1, 256);
        BigInteger lower = sqrtRatioAX96.min(sqrtRatioBX96);
        BigInteger upper = sqrtRatioAX96.max(sqrtRatioBX96);
        if (sqrtPriceX96.compareTo(lower) <= 0) {
            return liquidityForAmount0(lower, upper, amount0);
        }
        if (sqrtPriceX96.compareTo(upper) < 0) {
            BigInteger liquidity0 = liquidityForAmount0(sqrtPriceX96, upper, amount0);
            BigInteger liquidity1 = liquidityForAmount1(lower, sqrtPriceX96, amount1);
            return liquidity0.min(liquidity1);
        }
        return liquidityForAmount1(lower, upper, amount1);
    }

    /**
     * Token0 that {@code liquidity} holds over the range, {@code L * 2^96 * (sqrtB - sqrtA) / sqrtB / sqrtA},
     * <b>rounded down</b> at both divisions.
     *
     * @param liquidity a uint128
     * @throws AmmMathException {@link AmmMathException.Reason#DIVISION_BY_ZERO} if the lower bound is 0
     */
    public static BigInteger getAmount0ForLiquidity(
            BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger liquidity) {
        SolidityUint.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        SolidityUint.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        SolidityUint.require("liquidity", liquidity, 128);
        return amount0ForLiquidity(sqrtRatioAX96.min(sqrtRatioBX96), sqrtRatioAX96.max(sqrtRatioBX96), liquidity);
    }

    /**
     * Token1 that {@code liquidity} holds over the range, {@code L * (sqrtB - sqrtA) / 2^96}, <b>rounded down</b>.
     *
     * @param liquidity a uint128
     */
    public static BigInteger getAmount1ForLiquidity(
            BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger liquidity) {
        SolidityUint.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        SolidityUint.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        SolidityUint.require("liquidity", liquidity, 128);
        return amount1ForLiquidity(sqrtRatioAX96.min(sqrtRatioBX96), sqrtRatioAX96.max(sqrtRatioBX96), liquidity);
    }

    /**
     * What {@code liquidity} over the range is worth at the current price: all token0 at or below the range, all
     * token1 at or above it, both inside it; each amount <b>rounded down</b> (what a burn would pay out, before fees).
     *
     * @param liquidity a uint128
     */
    public static TokenAmounts getAmountsForLiquidity(
            BigInteger sqrtPriceX96, BigInteger sqrtRatioAX96, BigInteger sqrtRatioBX96, BigInteger liquidity) {
        SolidityUint.require("sqrtPriceX96", sqrtPriceX96, 160);
        SolidityUint.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        SolidityUint.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        SolidityUint.require("liquidity", liquidity, 128);
        BigInteger lower = sqrtRatioAX96.min(sqrtRatioBX96);
        BigInteger upper = sqrtRatioAX96.max(sqrtRatioBX96);
        if (sqrtPriceX96.compareTo(lower) <= 0) {
            return new TokenAmounts(amount0ForLiquidity(lower, upper, liquidity), BigInteger.ZERO);
        }
        if (sqrtPriceX96.compareTo(upper) < 0) {
            return new TokenAmounts(amount0ForLiquidity(sqrtPriceX96, upper, liquidity),
                    amount1ForLiquidity(lower, sqrtPriceX96, liquidity));
        }
        return new TokenAmounts(BigInteger.ZERO, amount1ForLiquidity(lower, upper, liquidity));
    }

    /**
     * {@link #getLiquidityForAmounts(BigInteger, BigInteger, BigInteger, BigInteger, BigInteger)} allocating nothing:
     * arguments and result are {@link Uint256} {@code long[4]}s; {@code liquidity} may be one of the arguments.
     */
    public static void getLiquidityForAmounts(long[] sqrtPriceX96, long[] sqrtRatioAX96, long[] sqrtRatioBX96,
            long[] amount0, long[] amount1, long[] liquidity) {
        Uint256.require("sqrtPriceX96", sqrtPriceX96, 160);
        Uint256.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        Uint256.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        Uint256.require("amount0", amount0, 256);
        Uint256.require("amount1", amount1, 256);
        Uint256.require("liquidity", liquidity, 256);
        boolean aIsLower = !Uint256.lessThan(sqrtRatioBX96, sqrtRatioAX96);
        long[] lower = aIsLower ? sqrtRatioAX96 : sqrtRatioBX96;
        long[] upper = aIsLower ? sqrtRatioBX96 : sqrtRatioAX96;
        LimbScratch scratch = LimbScratch.get();
        if (!Uint256.lessThan(lower, sqrtPriceX96)) {
            liquidityForAmount0(lower, upper, amount0, liquidity, scratch);
        } else if (Uint256.lessThan(sqrtPriceX96, upper)) {
            int smaller = clearlySmaller(sqrtPriceX96, lower, upper, amount0, amount1, scratch);
            // clearlySmaller left sqrtPriceX96 * upper in scratch.product, which liquidity0 starts from
            if (smaller == 0) {
                liquidityForAmount0FromProduct(sqrtPriceX96, upper, amount0, liquidity, scratch);
            } else if (smaller == 1) {
                liquidityForAmount1(lower, sqrtPriceX96, amount1, liquidity, scratch);
            } else {
                long[] liquidity0 = scratch.fourth;
                long[] liquidity1 = scratch.fifth;
                liquidityForAmount0FromProduct(sqrtPriceX96, upper, amount0, liquidity0, scratch);
                liquidityForAmount1(lower, sqrtPriceX96, amount1, liquidity1, scratch);
                Uint256.copy(Uint256.lessThan(liquidity1, liquidity0) ? liquidity1 : liquidity0, liquidity);
            }
        } else {
            liquidityForAmount1(lower, upper, amount1, liquidity, scratch);
        }
    }

    /**
     * {@link #getAmountsForLiquidity(BigInteger, BigInteger, BigInteger, BigInteger)} allocating nothing: arguments
     * and results are {@link Uint256} {@code long[4]}s; {@code amount0} and {@code amount1} must be two arrays
     * other than the arguments.
     */
    public static void getAmountsForLiquidity(long[] sqrtPriceX96, long[] sqrtRatioAX96, long[] sqrtRatioBX96,
            long[] liquidity, long[] amount0, long[] amount1) {
        Uint256.require("sqrtPriceX96", sqrtPriceX96, 160);
        Uint256.require("sqrtRatioAX96", sqrtRatioAX96, 160);
        Uint256.require("sqrtRatioBX96", sqrtRatioBX96, 160);
        Uint256.require("liquidity", liquidity, 128);
        Uint256.require("amount0", amount0, 256);
        Uint256.require("amount1", amount1, 256);
        boolean aIsLower = !Uint256.lessThan(sqrtRatioBX96, sqrtRatioAX96);
        long[] lower = aIsLower ? sqrtRatioAX96 : sqrtRatioBX96;
        long[] upper = aIsLower ? sqrtRatioBX96 : sqrtRatioAX96;
        LimbScratch scratch = LimbScratch.get();
        if (!Uint256.lessThan(lower, sqrtPriceX96)) {
            amount0ForLiquidity(lower, upper, liquidity, amount0, scratch);
            Uint256.clear(amount1);
        } else if (Uint256.lessThan(sqrtPriceX96, upper)) {
            amount0ForLiquidity(sqrtPriceX96, upper, liquidity, amount0, scratch);
            SqrtPriceMath.amount1(lower, sqrtPriceX96, liquidity, false, amount1);
        } else {
            Uint256.clear(amount0);
            SqrtPriceMath.amount1(lower, upper, liquidity, false, amount1);
        }
    }

    /** How far apart two liquidities must be, relatively, for their double estimates to order them for certain. */
    private static final double CLEAR_MARGIN = 1e-9;
    private static final double TWO_TO_THE_128 = 0x1p128;

    /**
     * Inside the range the contract computes both liquidities, each with its own {@code mulDiv} and
     * {@code toUint128}, and takes the smaller. Which of the real quotients {@code x0 = amount0 * floor(price *
     * upper / 2^96) / (upper - price)} and {@code x1 = amount1 * 2^96 / (price - lower)} is smaller is estimated
     * in doubles: each estimate is within a relative 2^-48 of its quotient (a few roundings of 2^-53 each), so
     * when one is below the other by more than {@link #CLEAR_MARGIN} the real ones are ordered the same way, and
     * so are their floors, the liquidities. If the larger is moreover clearly below 2^128, its {@code mulDiv} and
     * {@code toUint128} cannot revert, and only the smaller needs its exact division.
     *
     * @return 0 if liquidity0 is the answer and liquidity1 cannot revert, 1 the other way round, -1 if both must
     *         be computed; either way {@code scratch.product} holds {@code price * upper} on return
     */
    private static int clearlySmaller(long[] price, long[] lower, long[] upper, long[] amount0, long[] amount1,
            LimbScratch scratch) {
        long[] product = scratch.product;
        Limbs.multiply3By3(price, upper, product);
        // floor(price * upper / 2^96): limbs 1 .. 5 of the product, shifted right by 32
        double intermediate = Limbs.toDouble((product[4] >>> 32) | (product[5] << 32),
                (product[3] >>> 32) | (product[4] << 32), (product[2] >>> 32) | (product[3] << 32),
                (product[1] >>> 32) | (product[2] << 32));
        long[] difference = scratch.second;
        Uint256.subtract(upper, price, difference);
        double x0 = Limbs.toDouble(amount0[3], amount0[2], amount0[1], amount0[0]) * intermediate
                / Limbs.toDouble(difference[3], difference[2], difference[1], difference[0]);
        Uint256.subtract(price, lower, difference);
        double x1 = Limbs.toDouble(amount1[3], amount1[2], amount1[1], amount1[0]) * 0x1p96
                / Limbs.toDouble(difference[3], difference[2], difference[1], difference[0]);
        double unsure = 1 - CLEAR_MARGIN;
        if (x0 < x1 * unsure && x1 < TWO_TO_THE_128 * unsure) {
            return 0;
        }
        if (x1 < x0 * unsure && x0 < TWO_TO_THE_128 * unsure) {
            return 1;
        }
        return -1;
    }

    // The contract's functions on arguments already checked and ordered (lower <= upper).

    private static BigInteger liquidityForAmount0(BigInteger lower, BigInteger upper, BigInteger amount0) {
        long[] liquidity = Uint256.zero();
        liquidityForAmount0(Uint256.of(lower), Uint256.of(upper), Uint256.of(amount0), liquidity, LimbScratch.get());
        return Uint256.toBigInteger(liquidity);
    }

    private static BigInteger liquidityForAmount1(BigInteger lower, BigInteger upper, BigInteger amount1) {
        long[] liquidity = Uint256.zero();
        liquidityForAmount1(Uint256.of(lower), Uint256.of(upper), Uint256.of(amount1), liquidity, LimbScratch.get());
        return Uint256.toBigInteger(liquidity);
    }

    private static BigInteger amount0ForLiquidity(BigInteger lower, BigInteger upper, BigInteger liquidity) {
        long[] amount = Uint256.zero();
        amount0ForLiquidity(Uint256.of(lower), Uint256.of(upper), Uint256.of(liquidity), amount, LimbScratch.get());
        return Uint256.toBigInteger(amount);
    }

    private static BigInteger amount1ForLiquidity(BigInteger lower, BigInteger upper, BigInteger liquidity) {
        long[] amount = Uint256.zero();
        SqrtPriceMath.amount1(Uint256.of(lower), Uint256.of(upper), Uint256.of(liquidity), false, amount);
        return Uint256.toBigInteger(amount);
    }

    /**
     * The contract's {@code mulDiv(amount0, mulDiv(lower, upper, 2^96), upper - lower)}, then {@code toUint128}.
     * The first mulDiv divides by a power of two: a shift.
     */
    private static void liquidityForAmount0(long[] lower, long[] upper, long[] amount0, long[] out,
            LimbScratch scratch) {
        Limbs.multiply3By3(lower, upper, scratch.product);
        liquidityForAmount0FromProduct(lower, upper, amount0, out, scratch);
    }

    /** {@link #liquidityForAmount0} with {@code lower * upper} already in {@code scratch.product}. */
    private static void liquidityForAmount0FromProduct(long[] lower, long[] upper, long[] amount0, long[] out,
            LimbScratch scratch) {
        long[] difference = scratch.first;
        Uint256.subtract(upper, lower, difference);
        if (Uint256.isZero(difference)) {
            throw divisionByZero();
        }
        long[] product = scratch.product;
        long[] intermediate = scratch.third;
        for (int i = 0; i < 4; i++) {
            intermediate[i] = (product[i + 1] >>> 32) | (product[i + 2] << 32);
        }
        long[] dividend = scratch.dividend;
        int m;
        if ((amount0[2] | amount0[3]) == 0) {
            // the common case, an amount that fits in 128 bits: a product of fixed shape
            Limbs.multiply2By4(amount0, intermediate, dividend);
            m = Limbs.significant(dividend, 6);
        } else {
            int na = Limbs.significant(amount0, 4);
            int ni = Limbs.significant(intermediate, 4);
            Limbs.multiply(amount0, na, intermediate, ni, dividend);
            m = Limbs.significant(dividend, na + ni);
        }
        if (divideToUint128(dividend, m, difference, out, scratch)) {
            throw new AmmMathException(AmmMathException.Reason.MUL_DIV_OVERFLOW, "FullMath.mulDiv: "
                    + Uint256.toBigInteger(amount0) + " * " + Uint256.toBigInteger(intermediate) + " / "
                    + Uint256.toBigInteger(difference) + " does not fit in a uint256");
        }
    }

    /** The contract's {@code mulDiv(amount1, 2^96, upper - lower)}, then {@code toUint128}. */
    private static void liquidityForAmount1(long[] lower, long[] upper, long[] amount1, long[] out,
            LimbScratch scratch) {
        long[] difference = scratch.first;
        Uint256.subtract(upper, lower, difference);
        if (Uint256.isZero(difference)) {
            throw divisionByZero();
        }
        long[] dividend = scratch.dividend;
        dividend[0] = 0;
        dividend[1] = amount1[0] << 32;
        dividend[2] = (amount1[1] << 32) | (amount1[0] >>> 32);
        dividend[3] = (amount1[2] << 32) | (amount1[1] >>> 32);
        dividend[4] = (amount1[3] << 32) | (amount1[2] >>> 32);
        dividend[5] = amount1[3] >>> 32;
        int m = Limbs.significant(dividend, 6);
        if (divideToUint128(dividend, m, difference, out, scratch)) {
            throw new AmmMathException(AmmMathException.Reason.MUL_DIV_OVERFLOW, "FullMath.mulDiv: "
                    + Uint256.toBigInteger(amount1) + " * " + FixedPoint.Q96 + " / "
                    + Uint256.toBigInteger(difference) + " does not fit in a uint256");
        }
    }

    /**
     * {@code floor(dividend / difference)} into {@code out}; true if it does not fit in a uint256 (the caller throws,
     * naming the mulDiv's arguments); {@link AmmMathException.Reason#UINT128_OVERFLOW} if it fits in a uint256 but
     * not in a uint128.
     */
    private static boolean divideToUint128(long[] dividend, int m, long[] difference, long[] out,
            LimbScratch scratch) {
        int n = Limbs.significant(difference, 3);
        Uint256.clear(out);
        if (m < n) {
            return false;
        }
        long[] quotient = scratch.quotient;
        Limbs.divide(dividend, m, difference, n, quotient, scratch.work, scratch.divisorNormalised);
        int digits = m - n + 1;
        for (int i = 4; i < digits; i++) {
            if (quotient[i] != 0) {
                return true;
            }
        }
        for (int i = 0; i < Math.min(digits, 4); i++) {
            out[i] = quotient[i];
        }
        if (out[2] != 0 || out[3] != 0) {
            throw new AmmMathException(AmmMathException.Reason.UINT128_OVERFLOW,
                    "LiquidityAmounts.toUint128: liquidity " + Uint256.toBigInteger(out) + " does not fit in a uint128");
        }
        return false;
    }

    /** The contract's {@code mulDiv(L << 96, upper - lower, upper) / lower}, as {@link SqrtPriceMath} rounding down. */
    private static void amount0ForLiquidity(long[] lower, long[] upper, long[] liquidity, long[] out,
            LimbScratch scratch) {
        if (Uint256.isZero(lower)) {
            throw new AmmMathException(AmmMathException.Reason.DIVISION_BY_ZERO,
                    "LiquidityAmounts.getAmount0ForLiquidity: the lower sqrt price is 0");
        }
        SqrtPriceMath.amount0(lower, upper, liquidity, false, out, scratch);
    }

    private static AmmMathException divisionByZero() {
        return new AmmMathException(AmmMathException.Reason.DIVISION_BY_ZERO, "FullMath.mulDiv: denominator is 0");
    }
}
