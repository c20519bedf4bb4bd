package io.tideline.amm;

/**
 * Thrown where the Uniswap contract being ported would revert; {@link #reason()} says which check failed.
 */
public final class AmmMathException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** The contract check that failed, with the revert string the contract gives (empty where it gives none). */
    public enum Reason {
        /** {@code TickMath.getSqrtRatioAtTick}: {@code require(absTick <= uint256(MAX_TICK), 'T')}. */
        TICK_OUT_OF_RANGE("T"),
        /** {@code TickMath.getTickAtSqrtRatio}: {@code require(sqrtPriceX96 >= MIN_SQRT_RATIO && < MAX_SQRT_RATIO, 'R')}. */
        SQRT_RATIO_OUT_OF_RANGE("R"),
        /** {@code FullMath.mulDiv}: the result does not fit in a uint256 ({@code require(denominator > prod1)}). */
        MUL_DIV_OVERFLOW(""),
        /** {@code FullMath.mulDiv}: {@code require(denominator > 0)}, or a Solidity division by zero. */
        DIVISION_BY_ZERO(""),
        /** {@code LiquidityAmounts.toUint128}: {@code require((y = uint128(x)) == x)}. */
        UINT128_OVERFLOW(""),
        /** {@code SqrtPriceMath.getAmount0Delta}: {@code require(sqrtRatioAX96 > 0)}. */
        ZERO_SQRT_RATIO("");

        private final String revertString;

        Reason(String revertString) {
            this.revertString = revertString;
        }

        /** The contract's revert string, e.g. {@code "T"}; empty where the contract reverts without one. */
        public String revertString() {
            return revertString;
        }
    }

    private final Reason reason;

    AmmMathException(Reason reason, String message) {
        super(message + (reason.revertString.isEmpty() ? "" : " (reverts '" + reason.revertString + "')"));
        this.reason = reason;
    }

    /** Which contract check failed. */
    public Reason reason() {
        return reason;
    }
}
