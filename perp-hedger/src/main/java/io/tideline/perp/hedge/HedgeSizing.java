package io.tideline.perp.hedge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * How big a hedge is. A Uniswap v3 position's value moves with the price of token0 (in token1) by exactly the amount
 * of token0 it holds (dV/dP = x: the tokens it swaps as the price moves are exchanged at the price itself), so the
 * short that offsets it is the position's holding of the volatile token, times the hedge ratio, rounded down to the
 * market's order-size step.
 */
public final class HedgeSizing {

    private HedgeSizing() {
    }

    /** A raw token amount in whole tokens. */
    public static BigDecimal tokens(BigInteger raw, int decimals) {
        return new BigDecimal(raw).movePointLeft(decimals);
    }

    /**
     * The short to hold for {@code exposure} whole tokens: x ratio, rounded down to a multiple of step. Never up: a
     * short larger than the exposure is a naked short of the difference.
     */
    public static BigDecimal quantity(BigDecimal exposure, BigDecimal ratio, BigDecimal step) {
        BigDecimal steps = exposure.multiply(ratio).divide(step, 0, RoundingMode.FLOOR);
        return steps.multiply(step).stripTrailingZeros().max(BigDecimal.ZERO);
    }
}
