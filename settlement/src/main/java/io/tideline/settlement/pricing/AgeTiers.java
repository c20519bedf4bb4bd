package io.tideline.settlement.pricing;

import java.time.Duration;
import java.util.List;

/**
 * The markup of a take-profit by how long its position has been held: tier 0 under 1 h, tier 1 under 4 h, tier 2 under
 * 12 h, tier 3 from 12 h on, each with its markup in basis points.
 */
public record AgeTiers(List<Integer> markupBps) {

    /** The upper age bound of each tier but the last. */
    public static final List<Duration> BOUNDS = List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12));

    public AgeTiers {
        if (markupBps.size() != BOUNDS.size() + 1) {
            throw new IllegalArgumentException("need " + (BOUNDS.size() + 1) + " tiers, got " + markupBps.size());
        }
        markupBps = List.copyOf(markupBps);
    }

    public static AgeTiers of(int under1h, int under4h, int under12h, int over12h) {
        return new AgeTiers(List.of(under1h, under4h, under12h, over12h));
    }

    /** The tier of a position held this long; a negative age (a fill time ahead of our clock) is tier 0. */
    public int tierOf(Duration held) {
        for (int i = 0; i < BOUNDS.size(); i++) {
            if (held.compareTo(BOUNDS.get(i)) < 0) {
                return i;
            }
        }
        return BOUNDS.size();
    }

    public int markupBps(int tier) {
        return markupBps.get(tier);
    }
}
