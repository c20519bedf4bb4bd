package io.tideline.amm;

import java.math.BigInteger;

/**
 * A position's uncollected fees from the pool's fee-growth accumulators: v3-core's {@code Tick.getFeeGrowthInside}
 * and the fee step of {@code Position.update}. The accumulators are meant to overflow: every subtraction here wraps
 * mod 2^256 exactly as on chain, and only differences of them mean anything.
 */
public final class PositionFees {

    private PositionFees() {
    }

    /**
     * Fee growth inside {@code [tickLower, tickUpper)} for one token, {@code global - below - above} <b>mod 2^256</b>
     * (exact, no rounding), where {@code below} is the lower tick's outside value if {@code tickCurrent >= tickLower}
     * and {@code global} minus it otherwise, and {@code above} is the upper tick's outside value if
     * {@code tickCurrent < tickUpper} and {@code global} minus it otherwise.
     *
     * @param feeGrowthGlobalX128 the pool's {@code feeGrowthGlobal0X128} or {@code feeGrowthGlobal1X128}, a uint256
     * @param lowerFeeGrowthOutsideX128 {@code ticks(tickLower).feeGrowthOutside0X128} (or 1), a uint256
     * @param upperFeeGrowthOutsideX128 {@code ticks(tickUpper).feeGrowthOutside0X128} (or 1), a uint256
     */
    public static BigInteger getFeeGrowthInside(int tickLower, int tickUpper, int tickCurrent,
            BigInteger feeGrowthGlobalX128, BigInteger lowerFeeGrowthOutsideX128, BigInteger upperFeeGrowthOutsideX128) {
        SolidityUint.require("feeGrowthGlobalX128", feeGrowthGlobalX128, 256);
        SolidityUint.require("lowerFeeGrowthOutsideX128", lowerFeeGrowthOutsideX128, 256);
        SolidityUint.require("upperFeeGrowthOutsideX128", upperFeeGrowthOutsideX128, 256);
        BigInteger below = tickCurrent >= tickLower
                ? lowerFeeGrowthOutsideX128
                : feeGrowthGlobalX128.subtract(lowerFeeGrowthOutsideX128);
        BigInteger above = tickCurrent < tickUpper
                ? upperFeeGrowthOutsideX128
                : feeGrowthGlobalX128.subtract(upperFeeGrowthOutsideX128);
        return SolidityUint.wrap(feeGrowthGlobalX128.subtract(below).subtract(above), 256);
    }

    /**
     * Fee growth inside the range for both tokens, as {@code Tick.getFeeGrowthInside} returns it (<b>mod 2^256</b>,
     * exact); see {@link #getFeeGrowthInside(int, int, int, BigInteger, BigInteger, BigInteger)}.
     */
    public static FeeGrowthInside getFeeGrowthInside(int tickLower, int tickUpper, int tickCurrent,
            BigInteger feeGrowthGlobal0X128, BigInteger feeGrowthGlobal1X128,
            BigInteger lowerFeeGrowthOutside0X128, BigInteger lowerFeeGrowthOutside1X128,
            BigInteger upperFeeGrowthOutside0X128, BigInteger upperFeeGrowthOutside1X128) {
        return new FeeGrowthInside(
                getFeeGrowthInside(tickLower, tickUpper, tickCurrent,
                        feeGrowthGlobal0X128, lowerFeeGrowthOutside0X128, upperFeeGrowthOutside0X128),
                getFeeGrowthInside(tickLower, tickUpper, tickCurrent,
                        feeGrowthGlobal1X128, lowerFeeGrowthOutside1X128, upperFeeGrowthOutside1X128));
    }

    /**
     * Fees earned since the position last settled, as {@code Position.update} credits them:
     * {@code mulDiv((feeGrowthInsideX128 - feeGrowthInsideLastX128) mod 2^256, liquidity, 2^128)}, <b>rounded
     * down</b>, then truncated to a uint128 (<b>mod 2^128</b>, as the contract's unchecked downcast).
     *
     * @param feeGrowthInsideX128 the range's fee growth now (from {@code getFeeGrowthInside}), a uint256
     * @param feeGrowthInsideLastX128 the position's {@code feeGrowthInside0LastX128} (or 1), a uint256
     * @param liquidity the position's liquidity, a uint128
     */
    public static BigInteger getTokensOwed(
            BigInteger feeGrowthInsideX128, BigInteger feeGrowthInsideLastX128, BigInteger liquidity) {
        SolidityUint.require("feeGrowthInsideX128", feeGrowthInsideX128, 256);
        SolidityUint.require("feeGrowthInsideLastX128", feeGrowthInsideLastX128, 256);
        SolidityUint.require("liquidity", liquidity, 128);
        BigInteger growth = SolidityUint.wrap(feeGrowthInsideX128.subtract(feeGrowthInsideLastX128), 256);
        return SolidityUint.wrap(FullMath.mulDiv(growth, liquidity, FixedPoint.Q128), 128);
    }
}
