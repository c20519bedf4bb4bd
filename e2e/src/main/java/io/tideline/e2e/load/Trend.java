package io.tideline.e2e.load;

import java.util.List;

/**
 * Whether a per-minute series kept growing after the first minutes: of the minutes after the warm-up, every value in
 * the last third is above every value in the middle third (a rise that GC saw-teeth or a momentary backlog do not
 * fake). Too few minutes: no verdict.
 */
final class Trend {

    private Trend() {
    }

    enum Verdict { STEADY, GROWING, TOO_SHORT }

    static Verdict of(List<Long> perMinute, int warmUpMinutes) {
        List<Long> after = perMinute.subList(Math.min(warmUpMinutes, perMinute.size()), perMinute.size())
                .stream().filter(v -> v >= 0).toList();
        if (after.size() < 3) {
            return Verdict.TOO_SHORT;
        }
        int third = after.size() / 3;
        List<Long> middle = after.subList(third, 2 * third);
        List<Long> last = after.subList(2 * third, after.size());
        long middleMax = middle.stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        long lastMin = last.stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        return lastMin > middleMax ? Verdict.GROWING : Verdict.STEADY;
    }
}
