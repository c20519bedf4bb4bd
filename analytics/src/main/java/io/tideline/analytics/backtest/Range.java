package io.tideline.analytics.backtest;

/** A position's tick range {@code [lower, upper)}. */
public record Range(int lower, int upper) {

    public Range {
        if (lower >= upper) {
            throw new IllegalArgumentException("range lower " + lower + " must be below upper " + upper);
        }
    }

    /** As the pool sees it: the price's tick is in {@code [lower, upper)}. */
    public boolean contains(int tick) {
        return tick >= lower && tick < upper;
    }

    /**
     * The range from {@code below} ticks under to {@code above} ticks over {@code tick}, widened outward to the
     * spacing, and always holding {@code tick}.
     */
    static Range around(int tick, int below, int above, int spacing) {
        int lower = Math.floorDiv(tick - below, spacing) * spacing;
        int upper = Math.max(-Math.floorDiv(-(tick + above), spacing) * spacing,
                (Math.floorDiv(tick, spacing) + 1) * spacing);
        return new Range(lower, upper);
    }
}
