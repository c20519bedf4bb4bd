package io.tideline.analytics.rebalance;

import java.util.Map;
import java.util.Optional;

/**
 * The tick spacing of a fee tier, as Uniswap v3's factory enables them (the events carry the fee, not the spacing):
 * 0.01 % → 1, 0.05 % → 10, 0.30 % → 60, 1 % → 200.
 */
public final class TickSpacings {

    private static final Map<Integer, Integer> BY_FEE = Map.of(100, 1, 500, 10, 3000, 60, 10_000, 200);

    private TickSpacings() {
    }

    public static Optional<Integer> of(int feePips) {
        return Optional.ofNullable(BY_FEE.get(feePips));
    }
}
