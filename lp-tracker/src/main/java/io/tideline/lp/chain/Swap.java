package io.tideline.lp.chain;

import java.math.BigInteger;

/**
 * A pool's {@code Swap} log: the pool's token deltas (positive = paid into the pool) and its price, in-range liquidity
 * and tick after the swap.
 */
public record Swap(String pool, BigInteger amount0, BigInteger amount1, BigInteger sqrtPriceX96, BigInteger liquidity,
                   int tick) implements UniswapLog {
}
