package io.tideline.analytics.backtest;

/**
 * The close ticks a backtest has seen, up to and including the current step: the only market history its rules may
 * read. Appending is the backtester's; the rules can only look back.
 */
public final class TickHistory {

    private int[] closes;
    private int size;

    TickHistory(int capacity) {
        closes = new int[Math.max(capacity, 16)];
    }

    void append(int tick) {
        if (size == closes.length) {
            closes = java.util.Arrays.copyOf(closes, size * 2);
        }
        closes[size++] = tick;
    }

    public int size() {
        return size;
    }

    /** The close {@code back} steps ago (0 = the current one). */
    public int close(int back) {
        if (back < 0 || back >= size) {
            throw new IndexOutOfBoundsException("no close " + back + " steps back (" + size + " seen)");
        }
        return closes[size - 1 - back];
    }

    /** Sample standard deviation of the last {@code n} tick changes (fewer if fewer seen); NaN under two. */
    public double stdDevOfChanges(int n) {
        int changes = Math.min(n, size - 1);
        if (changes < 2) {
            return Double.NaN;
        }
        double sum = 0;
        double sumSq = 0;
        for (int i = size - changes; i < size; i++) {
            double d = closes[i] - closes[i - 1];
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / changes;
        return Math.sqrt(Math.max(0, (sumSq - changes * mean * mean) / (changes - 1)));
    }
}
