package io.tideline.analytics.backtest;

import java.time.Duration;
import java.time.Instant;

/** When a strategy closes its position and opens a new one around the price. */
public sealed interface RebalanceRule {

    /**
     * @param outOfRangeSince when the price's close was first seen out of the range, continuously since; null if in
     * @param openedAt        when the current position was opened
     */
    boolean due(Range range, int tick, Instant now, Instant outOfRangeSince, Instant openedAt);

    /** The price has been out of the range for at least {@code after}. */
    record OutOfRangeFor(Duration after) implements RebalanceRule {
        public OutOfRangeFor {
            if (after == null || after.isNegative()) {
                throw new IllegalArgumentException("rebalance.after must be a duration of 0 or more");
            }
        }

        @Override
        public boolean due(Range range, int tick, Instant now, Instant outOfRangeSince, Instant openedAt) {
            return outOfRangeSince != null && !now.isBefore(outOfRangeSince.plus(after));
        }
    }

    /** The price is more than {@code band} ticks from the range's middle. */
    record PriceBeyondBand(int band) implements RebalanceRule {
        public PriceBeyondBand {
            if (band <= 0) {
                throw new IllegalArgumentException("rebalance.band must be above 0, was " + band);
            }
        }

        @Override
        public boolean due(Range range, int tick, Instant now, Instant outOfRangeSince, Instant openedAt) {
            long middle = ((long) range.lower() + range.upper()) / 2;
            return Math.abs(tick - middle) > band;
        }
    }

    /** Every {@code every}, in range or not. */
    record Periodic(Duration every) implements RebalanceRule {
        public Periodic {
            if (every == null || every.isZero() || every.isNegative()) {
                throw new IllegalArgumentException("rebalance.every must be a positive duration");
            }
        }

        @Override
        public boolean due(Range range, int tick, Instant now, Instant outOfRangeSince, Instant openedAt) {
            return !now.isBefore(openedAt.plus(every));
        }
    }
}
