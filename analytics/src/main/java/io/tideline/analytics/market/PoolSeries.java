package io.tideline.analytics.market;

import java.util.List;
import java.util.Objects;

/**
 * A pool's bars in time order, with what reading them needs: the pool's id, fee tier (pips), tick spacing and the
 * tokens' decimals.
 */
public record PoolSeries(String pool, int feePips, int tickSpacing, int decimals0, int decimals1, BarInterval interval,
                         List<Bar> bars) {

    public PoolSeries {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(interval, "interval");
        bars = List.copyOf(bars);
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i).start().isAfter(bars.get(i - 1).start())) {
                throw new IllegalArgumentException("bars are not in time order at " + bars.get(i).start());
            }
        }
    }

    /** The same pool with other bars (e.g. a perturbed future). */
    public PoolSeries withBars(List<Bar> other) {
        return new PoolSeries(pool, feePips, tickSpacing, decimals0, decimals1, interval, other);
    }
}
