package io.tideline.analytics.market;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A pool's price at a time with the swaps that led to it since the previous observation: what lp-tracker publishes on
 * {@code market.prices} for each pool whose price moved in a pass. Liquidity is null when the publisher did not say.
 */
public record PoolObservation(String pool, Instant at, BigInteger sqrtPriceX96, int tick, BigInteger liquidity,
                              BigInteger volume0In, BigInteger volume1In, int swaps) {

    public PoolObservation {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sqrtPriceX96, "sqrtPriceX96");
        volume0In = volume0In == null ? BigInteger.ZERO : volume0In;
        volume1In = volume1In == null ? BigInteger.ZERO : volume1In;
    }
}
