package io.tideline.perp.hedge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How big a hedge is. A Uniswap v3 position's value moves with the price of token0 (in token1) by exactly the amount
 * of token0 it holds (dV/dP = x: the tokens it swaps as the price moves are exchanged at the price itself), so the
 * short that offsets it is the position's holding of the volatile token, times the hedge ratio, rounded to the
 * market's order-size step.
 */
public final class HedgeSizing {

    /** Scale of market prices derived from pool prices (token1 per token0 may be tiny, e.g. WETH per USDC). */
    public static final int PRICE_SCALE = 18;

    private HedgeSizing() {
    }

    /** A raw token amount in whole tokens. */
    public static BigDecimal tokens(BigInteger raw, int decimals) {
        return new BigDecimal(raw).movePointLeft(decimals);
    }

    /** The short to hold for {@code exposure} whole tokens: x ratio, to the nearest multiple of step (half even). */
    public static BigDecimal quantity(BigDecimal exposure, BigDecimal ratio, BigDecimal step) {
        BigDecimal steps = exposure.multiply(ratio).divide(step, 0, RoundingMode.HALF_EVEN);
        return steps.multiply(step).stripTrailingZeros().max(BigDecimal.ZERO);
    }

    /** The market's price (collateral per base) from a pool price (token1 per token0). */
    public static BigDecimal marketPrice(BigDecimal poolPrice, boolean volatileIsToken0) {
        if (volatileIsToken0) {
            return poolPrice;
        }
        if (poolPrice.signum() == 0) {
            throw new ArithmeticException("pool price is zero");
        }
        return BigDecimal.ONE.divide(poolPrice, new MathContext(34, RoundingMode.HALF_EVEN))
                .setScale(PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
