package io.tideline.analytics.backtest;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A concentrated-liquidity strategy to backtest: a pool and its fee tier, where the range goes, when to rebalance,
 * the hedge overlay, the costs, and the capital it starts with (raw token1 units, all in token1 at the start).
 */
public record Strategy(String pool, int feePips, RangeRule range, RebalanceRule rebalance, HedgeRule hedge,
                       Costs costs, BigInteger capital) {

    public Strategy {
        Objects.requireNonNull(pool, "pool");
        if (feePips <= 0 || feePips >= 1_000_000) {
            throw new IllegalArgumentException("feePips must be in (0, 1000000), was " + feePips);
        }
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(rebalance, "rebalance");
        hedge = hedge == null ? new HedgeRule.None() : hedge;
        costs = costs == null ? Costs.NONE : costs;
        if (capital == null || capital.signum() <= 0) {
            throw new IllegalArgumentException("capital must be above 0");
        }
    }
}
