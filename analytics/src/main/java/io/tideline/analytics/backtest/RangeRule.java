package io.tideline.analytics.backtest;

import java.math.BigDecimal;

/**
 * Where a strategy puts its range when it opens or rebalances, from the price's tick and the closes seen so far (only
 * those: {@link TickHistory} holds nothing beyond the current bar).
 */
public sealed interface RangeRule {

    Range place(int tick, TickHistory history, int spacing);

    /** {@code halfWidth} ticks either side of the price. */
    record FixedWidth(int halfWidth) implements RangeRule {
        public FixedWidth {
            if (halfWidth <= 0) {
                throw new IllegalArgumentException("range.halfWidth must be above 0, was " + halfWidth);
            }
        }

        @Override
        public Range place(int tick, TickHistory history, int spacing) {
            return Range.around(tick, halfWidth, halfWidth, spacing);
        }
    }

    /** {@code below} ticks under the price and {@code above} over it. */
    record Asymmetric(int below, int above) implements RangeRule {
        public Asymmetric {
            if (below < 0 || above < 0 || below + above == 0) {
                throw new IllegalArgumentException("range.below and range.above must not be negative, nor both 0");
            }
        }

        @Override
        public Range place(int tick, TickHistory history, int spacing) {
            return Range.around(tick, below, above, spacing);
        }
    }

    /**
     * Half width = {@code sigmas} × the sample standard deviation of the last {@code lookback} close-to-close tick
     * changes × √{@code lookback} (the move expected over as many bars again), clamped to [min, max]. With fewer than
     * two changes seen yet: {@code minHalfWidth}.
     */
    record VolatilityScaled(int lookback, BigDecimal sigmas, int minHalfWidth, int maxHalfWidth) implements RangeRule {
        public VolatilityScaled {
            if (lookback < 2) {
                throw new IllegalArgumentException("range.lookback must be at least 2, was " + lookback);
            }
            if (sigmas == null || sigmas.signum() <= 0) {
                throw new IllegalArgumentException("range.sigmas must be above 0");
            }
            if (minHalfWidth <= 0 || maxHalfWidth < minHalfWidth) {
                throw new IllegalArgumentException("range.minHalfWidth must be above 0 and at most range.maxHalfWidth");
            }
        }

        @Override
        public Range place(int tick, TickHistory history, int spacing) {
            double sd = history.stdDevOfChanges(lookback);
            int half = Double.isNaN(sd) ? minHalfWidth
                    : (int) Math.ceil(sigmas.doubleValue() * sd * Math.sqrt(lookback));
            half = Math.max(minHalfWidth, Math.min(maxHalfWidth, half));
            return Range.around(tick, half, half, spacing);
        }
    }
}
