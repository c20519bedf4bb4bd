package io.tideline.messaging.sql;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prepared statements that wait for their answer, for code on worker threads (inside a
 * {@link BlockingTransaction}, or on a pool for reads): one place for the timeout and the row mapping loops.
 */
public final class BlockingSql {

    private final Duration timeout;

    public BlockingSql(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs a statement; returns the rows it changed. */
    public int exec(SqlClient client, String sql, Tuple args) {
        return client.preparedQuery(sql).execute(args).await().atMost(timeout).rowCount();
    }

    public Duration timeout() {
        return timeout;
    }

    /** Runs a statement once per tuple, in one round trip; returns the rows changed in all. */
    public int batch(SqlClient client, String sql, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (RowSet<Row> set = client.preparedQuery(sql).executeBatch(rows).await().atMost(timeout); set != null;
                set = set.next()) {
            changed += set.rowCount();
        }
        return changed;
    }

    /** Runs a statement once per tuple, in one round trip; returns the rows each execution returned, in order. */
    public <T> List<T> batch(SqlClient client, String sql, List<Tuple> rows, Function<Row, T> mapper) {
        List<T> result = new ArrayList<>();
        if (rows.isEmpty()) {
            return result;
        }
        for (RowSet<Row> set = client.preparedQuery(sql).executeBatch(rows).await().atMost(timeout); set != null;
                set = set.next()) {
            set.forEach(r -> result.add(mapper.apply(r)));
        }
        return result;
    }

    public <T> List<T> list(SqlClient client, String sql, Tuple args, Function<Row, T> mapper) {
        RowSet<Row> rows = client.preparedQuery(sql).execute(args).await().atMost(timeout);
        List<T> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(mapper.apply(row));
        }
        return result;
    }

    public <T> Optional<T> first(SqlClient client, String sql, Tuple args, Function<Row, T> mapper) {
        RowSet<Row> rows = client.preparedQuery(sql).execute(args).await().atMost(timeout);
        var it = rows.iterator();
        return it.hasNext() ? Optional.ofNullable(mapper.apply(it.next())) : Optional.empty();
    }

    /** An instant as PostgreSQL's client wants a {@code timestamptz} parameter. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code timestamptz} column as an instant. */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
