package io.tideline.analytics.rebalance;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A live LP position as the read model knows it, with what a rebalancing suggestion needs: its pool (chainId:address),
 * fee tier, range and liquidity, the pool's price at its latest valuation, and what it holds (raw; uncollected fees
 * included, as they go with it when it is rebalanced).
 */
public record LivePosition(String positionKey, String pool, int feePips, int tickLower, int tickUpper,
                           BigInteger liquidity, BigInteger sqrtPriceX96, BigInteger holding0, BigInteger holding1) {

    public LivePosition {
        Objects.requireNonNull(positionKey, "positionKey");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(liquidity, "liquidity");
        Objects.requireNonNull(sqrtPriceX96, "sqrtPriceX96");
        Objects.requireNonNull(holding0, "holding0");
        Objects.requireNonNull(holding1, "holding1");
    }
}
