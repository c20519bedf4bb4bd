package io.tideline.messaging.metrics;

/**
 * A gauge family of how many rows a service holds per value of one column, e.g. positions by state: {@code metric}
 * tagged {@code tag}, from {@code sql} answering (value text, count bigint) rows; the {@code known} values read 0
 * while they have no row (so the series exist from the start). A service declares one with a producer method;
 * {@link RowCountGauges} refreshes them all from the database.
 */
public record CountedRows(String metric, String tag, String sql, java.util.Set<String> known) {

    public CountedRows {
        if (metric == null || metric.isBlank() || tag == null || tag.isBlank() || sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("metric, tag and sql are required");
        }
        known = known == null ? java.util.Set.of() : java.util.Set.copyOf(known);
    }

    public CountedRows(String metric, String tag, String sql) {
        this(metric, tag, sql, java.util.Set.of());
    }
}
