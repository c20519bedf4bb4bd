package io.tideline.analytics.market;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One swap in a pool, as its Swap event reports it: the pool's token deltas (positive = paid into the pool, the input
 * with its fee; negative = paid out) and the price, in-range liquidity and tick after it.
 */
public record Swap(Instant at, BigInteger amount0, BigInteger amount1, BigInteger sqrtPriceX96, BigInteger liquidity,
                   int tick) {

    public Swap {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(amount0, "amount0");
        Objects.requireNonNull(amount1, "amount1");
        Objects.requireNonNull(sqrtPriceX96, "sqrtPriceX96");
        Objects.requireNonNull(liquidity, "liquidity");
    }

    /** Token0 paid in (0 when token0 came out). */
    public BigInteger amount0In() {
        return amount0.signum() > 0 ? amount0 : BigInteger.ZERO;
    }

    /** Token1 paid in (0 when token1 came out). */
    public BigInteger amount1In() {
        return amount1.signum() > 0 ? amount1 : BigInteger.ZERO;
    }
}
