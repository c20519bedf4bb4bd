package io.tideline.e2e.load;

import java.util.Arrays;

/** Latencies of one kind (milliseconds) within the current minute: how many, and their 99th percentile. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    /** The minute's count and p99 (nearest rank), and a fresh minute. */
    synchronized Window take() {
        long[] sorted = Arrays.copyOf(values, size);
        size = 0;
        Arrays.sort(sorted);
        long p99 = sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)];
        return new Window(sorted.length, p99);
    }

    record Window(int count, long p99) {
    }
}
