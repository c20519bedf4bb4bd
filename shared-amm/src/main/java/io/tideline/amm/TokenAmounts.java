package io.tideline.amm;

import java.math.BigInteger;
import java.util.Objects;

/** An amount of token0 and an amount of token1, in raw units (before decimals). */
public record TokenAmounts(BigInteger amount0, BigInteger amount1) {

    public TokenAmounts {
        Objects.requireNonNull(amount0, "amount0");
        Objects.requireNonNull(amount1, "amount1");
    }
}
