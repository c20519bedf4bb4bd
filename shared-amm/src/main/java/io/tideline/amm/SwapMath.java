package io.tideline.amm;

import java.math.BigInteger;

/**
 * One step of a swap within a single range of liquidity, as v3-core's {@code SwapMath.computeSwapStep} for an
 * exact input: how far the price moves toward a target, what goes in and out, and the fee the pool keeps. The pool
 * runs one step per initialized tick (or tick-bitmap word) it crosses; the fee of each step feeds its fee growth.
 */
public final class SwapMath {

    /** Fees are in hundredths of a basis point (pips): 3000 = 0.3 %. */
    public static final BigInteger PIPS = BigInteger.valueOf(1_000_000);

    private SwapMath() {
    }

    /**
     * A swap step's result: the price reached, the input used without the fee (rounded <b>up</b>), the output (rounded
     * <b>down</b>) and the fee.
     */
    public record Step(BigInteger sqrtRatioNextX96, BigInteger amountIn, BigInteger amountOut, BigInteger feeAmount) {
    }

    /**
     * An exact-input step from {@code sqrtRatioCurrentX96} toward {@code sqrtRatioTargetX96} (below it: token0 in).
     * The fee is {@code amountRemaining − amountIn} when the input runs out before the target (the pool keeps the
     * rounding), else {@code ceil(amountIn · fee / (1e6 − fee))}.
     *
     * @param amountRemaining the input left to spend, fee included (not negative)
     * @param feePips         the pool's fee, below 1,000,000
     */
    public static Step computeSwapStepExactIn(BigInteger sqrtRatioCurrentX96, BigInteger sqrtRatioTargetX96,
                                              BigInteger liquidity, BigInteger amountRemaining, int feePips) {
        if (amountRemaining.signum() < 0) {
            throw new IllegalArgumentException("amountRemaining must not be negative (exact input), was "
                    + amountRemaining);
        }
        if (feePips < 0 || feePips >= 1_000_000) {
            throw new IllegalArgumentException("feePips must be in [0, 1000000), was " + feePips);
        }
        boolean zeroForOne = sqrtRatioCurrentX96.compareTo(sqrtRatioTargetX96) >= 0;
        BigInteger fee = BigInteger.valueOf(feePips);
        BigInteger amountRemainingLessFee = FullMath.mulDiv(amountRemaining, PIPS.subtract(fee), PIPS);
        BigInteger amountToTarget = zeroForOne
                ? SqrtPriceMath.getAmount0Delta(sqrtRatioTargetX96, sqrtRatioCurrentX96, liquidity, true)
                : SqrtPriceMath.getAmount1Delta(sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity, true);
        BigInteger next = amountRemainingLessFee.compareTo(amountToTarget) >= 0
                ? sqrtRatioTargetX96
                : SqrtPriceMath.getNextSqrtPriceFromInput(sqrtRatioCurrentX96, liquidity, amountRemainingLessFee,
                        zeroForOne);
        boolean max = sqrtRatioTargetX96.equals(next);
        BigInteger amountIn;
        BigInteger amountOut;
        if (zeroForOne) {
            amountIn = max ? amountToTarget : SqrtPriceMath.getAmount0Delta(next, sqrtRatioCurrentX96, liquidity, true);
            amountOut = SqrtPriceMath.getAmount1Delta(next, sqrtRatioCurrentX96, liquidity, false);
        } else {
            amountIn = max ? amountToTarget : SqrtPriceMath.getAmount1Delta(sqrtRatioCurrentX96, next, liquidity, true);
            amountOut = SqrtPriceMath.getAmount0Delta(sqrtRatioCurrentX96, next, liquidity, false);
        }
        BigInteger feeAmount = !max
                ? amountRemaining.subtract(amountIn)
                : FullMath.mulDivRoundingUp(amountIn, fee, PIPS.subtract(fee));
        return new Step(next, amountIn, amountOut, feeAmount);
    }
}
