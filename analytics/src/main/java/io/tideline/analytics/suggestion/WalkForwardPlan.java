package io.tideline.analytics.suggestion;

/**
 * How a walk-forward search splits the bars: choose on {@code trainBars}, evaluate the choice on the next
 * {@code testBars}, then move on by {@code testBars}.
 */
public record WalkForwardPlan(int trainBars, int testBars) {

    public WalkForwardPlan {
        if (trainBars < 2) {
            throw new IllegalArgumentException("trainBars must be at least 2, was " + trainBars);
        }
        if (testBars < 2) {
            throw new IllegalArgumentException("testBars must be at least 2, was " + testBars);
        }
    }
}
