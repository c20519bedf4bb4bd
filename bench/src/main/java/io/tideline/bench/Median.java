package io.tideline.bench;

import java.util.Arrays;

/** The median the benchmarks print: the middle of the sorted values, the upper middle for an even count. */
public final class Median {

    private Median() {
    }

    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
