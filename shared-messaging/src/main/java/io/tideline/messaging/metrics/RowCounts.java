package io.tideline.messaging.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * The counts a gauge family shows after a refresh: the new counts, and zero for every known value and every value
 * seen before that has no row (a state that empties reads 0 rather than vanishing, so a dashboard shows it go down).
 */
final class RowCounts {

    private RowCounts() {
    }

    static Map<String, Long> next(java.util.Set<String> known, Map<String, Long> previous, Map<String, Long> counted) {
        Map<String, Long> next = new TreeMap<>();
        known.forEach(value -> next.put(value, 0L));
        previous.keySet().forEach(value -> next.put(value, 0L));
        next.putAll(counted);
        return next;
    }
}
