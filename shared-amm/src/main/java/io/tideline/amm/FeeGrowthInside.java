package io.tideline.amm;

import java.math.BigInteger;
import java.util.Objects;

/** All-time fee growth per unit of liquidity inside a tick range, per token, as Q128.128 uint256s. */
public record FeeGrowthInside(BigInteger feeGrowthInside0X128, BigInteger feeGrowthInside1X128) {

    public FeeGrowthInside {
        Objects.requireNonNull(feeGrowthInside0X128, "feeGrowthInside0X128");
        Objects.requireNonNull(feeGrowthInside1X128, "feeGrowthInside1X128");
    }
}
