package io.tideline.analytics.backtest;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/** A swap to replay against an {@link ExactPool}: exactly {@code amountIn} (fee included) of token0 or token1. */
public record SwapOrder(Instant at, boolean zeroForOne, BigInteger amountIn) {

    public SwapOrder {
        Objects.requireNonNull(at, "at");
        if (amountIn == null || amountIn.signum() <= 0) {
            throw new IllegalArgumentException("amountIn must be above 0");
        }
    }
}
