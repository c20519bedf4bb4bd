package io.tideline.messaging.metrics;

/**
 * A gauge family of how many rows a service holds per value of one column, e.g. positions by state: {@code metric}
 * tagged {@code tag}, from {@code sql} answering (value text, count bigint) rows. A service declares one with a
 * producer method; {@link RowCountGauges} refreshes them all from the database.
 */
public record CountedRows(String metric, String tag, String sql) {

    public CountedRows {
        if (metric == null || metric.isBlank() || tag == null || tag.isBlank() || sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("metric, tag and sql are required");
        }
    }
}
