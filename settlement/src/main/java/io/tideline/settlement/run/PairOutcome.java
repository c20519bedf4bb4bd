package io.tideline.settlement.run;

/** What settling one (session, pair) did; counts add up over a run. */
public final class PairOutcome {

    int uncovered;
    int covered;
    int placed;
    int replaced;
    int failed;
    int duplicatesPrevented;
    int takeProfitsFilled;
    long venueNanos;

    public int uncovered() {
        return uncovered;
    }

    public int covered() {
        return covered;
    }

    public int placed() {
        return placed;
    }

    public int replaced() {
        return replaced;
    }

    public int failed() {
        return failed;
    }

    public int duplicatesPrevented() {
        return duplicatesPrevented;
    }

    public int takeProfitsFilled() {
        return takeProfitsFilled;
    }

    public long venueNanos() {
        return venueNanos;
    }

    void add(PairOutcome o) {
        uncovered += o.uncovered;
        covered += o.covered;
        placed += o.placed;
        replaced += o.replaced;
        failed += o.failed;
        duplicatesPrevented += o.duplicatesPrevented;
        takeProfitsFilled += o.takeProfitsFilled;
        venueNanos += o.venueNanos;
    }
}
