package io.tideline.amm;

import java.math.BigInteger;

/**
 * The BigInteger port of v3-periphery's LiquidityAmounts that shared-amm used before its limb arithmetic: the
 * reference the allocation-free path is checked against.
 *
 * <p>
 * Liquidity for token amounts and token amounts for liquidity at a price, as v3-periphery's
 * {@code LiquidityAmounts}. Every result <b>rounds down</b>: a position is never credited more liquidity than its
 * amounts buy, nor valued at more than it would pay out. The two range bounds may be given in either order, and
 * where the contract's {@code FullMath} reverts (a product too large even for 512 bits over the divisor) so does
 * this, with {@link AmmMathException.Reason#MUL_DIV_OVERFLOW}.
 */
final class ReferenceLiquidityAmounts {

    private ReferenceLiquidityAmounts() {
    }

    /**
     * Liquidity that {@code amount0} of token0 buys over the range, {@code amount0 * (sqrtA * sqrtB / 2^96) /
     * (sqrtB - sqrtA)}, <b>rounded down</b> at both divisions.
     *
     * @throws AmmMathException {@link AmmMathException.Reason#UINT128_OVERFLOW} if the liquidity does not fit in a
     *         uint128 (the contract's {@code toUint128}); {@link AmmMathException.Reason#DIVISION_BY_ZERO} if the
     *         bounds are equal
     */
    static BigInteger getLiquidityForAmount0(
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
    static BigInteger getLiquidityForAmount1(
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
    static BigInteger getLiquidityForAmounts(BigInteger sqrtPriceX96, BigInteger sqrtRatioAX96,
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
    static BigInteger getAmount0ForLiquidity(
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
    static BigInteger getAmount1ForLiquidity(
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
    static TokenAmounts getAmountsForLiquidity(
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

    // The contract's functions on arguments already checked and ordered (lower <= upper).

    private static BigInteger liquidityForAmount0(BigInteger lower, BigInteger upper, BigInteger amount0) {
        BigInteger intermediate = FullMath.mulDivUnchecked(lower, upper, FixedPoint.Q96);
        return toUint128(FullMath.mulDivUnchecked(amount0, intermediate, upper.subtract(lower)));
    }

    private static BigInteger liquidityForAmount1(BigInteger lower, BigInteger upper, BigInteger amount1) {
        return toUint128(FullMath.mulDivUnchecked(amount1, FixedPoint.Q96, upper.subtract(lower)));
    }

    private static BigInteger amount0ForLiquidity(BigInteger lower, BigInteger upper, BigInteger liquidity) {
        if (lower.signum() == 0) {
            throw new AmmMathException(AmmMathException.Reason.DIVISION_BY_ZERO,
                    "LiquidityAmounts.getAmount0ForLiquidity: the lower sqrt price is 0");
        }
        // The contract's mulDiv(L << 96, upper - lower, upper) / lower: floor(floor(x / a) / b) == floor(x / (a * b))
        // for positive integers, so one division gives the same result.
        return liquidity.shiftLeft(FixedPoint.RESOLUTION_96).multiply(upper.subtract(lower)).divide(upper.multiply(lower));
    }

    private static BigInteger amount1ForLiquidity(BigInteger lower, BigInteger upper, BigInteger liquidity) {
        return FullMath.mulDivUnchecked(liquidity, upper.subtract(lower), FixedPoint.Q96);
    }

    private static BigInteger toUint128(BigInteger liquidity) {
        if (liquidity.bitLength() > 128) {
            throw new AmmMathException(AmmMathException.Reason.UINT128_OVERFLOW,
                    "LiquidityAmounts.toUint128: liquidity " + liquidity + " does not fit in a uint128");
        }
        return liquidity;
    }
}
