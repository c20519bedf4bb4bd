package io.tideline.analytics.backtest;

import io.tideline.amm.TokenAmounts;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Where a backtest's position lives and what moves its price: a series of bars with fees by liquidity share
 * ({@link BarVenue}) or an exact pool replaying swaps ({@link SwapVenue}). The backtester steps it forward one bar or
 * swap at a time and acts between steps.
 */
interface Venue {

    /** Steps after the opening point. */
    int steps();

    /** The series index of step {@code i} (for actions). */
    int seriesIndex(int i);

    /** Applies step {@code i}: the price moves and the open position earns its fees. */
    void advance(int i);

    Instant time();

    BigInteger sqrtPriceX96();

    /** The sqrt price squared (Q128.192): what valuing token0 in token1 multiplies by. */
    default BigInteger priceSquared() {
        BigInteger sqrt = sqrtPriceX96();
        return sqrt.multiply(sqrt);
    }

    /**
     * {@link #priceSquared()} as four limbs, least significant first (shared, never to be written), or null where the
     * venue does not lay them out or the square needs over 256 bits: then read {@link #priceSquared()}.
     */
    default long[] priceSquaredLimbs() {
        return null;
    }

    int tick();

    int tickSpacing();

    /** Opens the (single) position with at most the desired amounts. */
    Opened open(Range range, BigInteger amount0Desired, BigInteger amount1Desired);

    /** Removes all liquidity and collects: the principal and the fees, apart. */
    Closed close();

    /** What removing the open position's liquidity would pay now (rounded down). */
    TokenAmounts amounts();

    /** Fees the open position is owed now. */
    TokenAmounts fees();

    /**
     * {@link #amounts()} and {@link #fees()} now as longs, for the per-bar path: {@code out[0]} and {@code out[1]}
     * the token0 amount as an unsigned 128-bit value (high, low), {@code out[2]} the token1 amount, {@code out[3]} and
     * {@code out[4]} the fees owed in token0 and token1. False when any of them does not fit (or the venue does not
     * lay them out): then read {@link #amounts()} and {@link #fees()}.
     */
    default boolean position(long[] out) {
        return false;
    }

    record Opened(BigInteger liquidity, BigInteger amount0, BigInteger amount1) {
    }

    record Closed(TokenAmounts principal, TokenAmounts fees) {
    }
}
