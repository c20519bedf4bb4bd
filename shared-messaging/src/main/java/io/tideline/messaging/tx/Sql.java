package io.tideline.messaging.tx;

import io.smallrye.mutiny.Uni;
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
 * Typed prepared statements that wait for their answer, on a worker thread: inside a {@link UnitOfWork} (one
 * transaction) or, for reads, on the pool ({@link Transactions#reads()}). Every statement has the one timeout
 * from {@code tideline.db.statement-timeout}; the row mapping loops live here once.
 */
public class Sql {

    private final SqlClient client;
    private final Duration timeout;
    private final DatabaseProbe probe;

    Sql(SqlClient client, Duration timeout) {
        this(client, timeout, null);
    }

    /** With a probe (the pool's reads): a failure while the database does not answer is a {@link DatabaseUnavailableException}. */
    Sql(SqlClient client, Duration timeout, DatabaseProbe probe) {
        this.client = client;
        this.timeout = timeout;
        this.probe = probe;
    }

    private RowSet<Row> run(String sql, Tuple args) {
        return answerOf(client.preparedQuery(sql).execute(args));
    }

    private RowSet<Row> runBatch(String sql, List<Tuple> rows) {
        return answerOf(client.preparedQuery(sql).executeBatch(rows));
    }

    private RowSet<Row> answerOf(Uni<RowSet<Row>> statement) {
        RowSet<Row> answer;
        try {
            answer = statement.await().atMost(timeout);
        } catch (RuntimeException e) {
            throw translated(failureBefore(e));
        }
        answered();
        return answer;
    }

    /**
     * The failure to report when a statement waited for failed: a write sent before it without waiting
     * ({@link UnitOfWork#send}) may have failed first, and then this one failed only because the transaction had.
     */
    RuntimeException failureBefore(RuntimeException failure) {
        return failure;
    }

    /** A statement waited for has its answer: the writes sent before it have theirs (in order); a failed one throws. */
    void answered() {
    }

    RuntimeException translated(RuntimeException e) {
        if (probe != null && !(e instanceof DatabaseUnavailableException) && !probe.isReachable()) {
            return new DatabaseUnavailableException("the database does not answer: " + e.getMessage(), e);
        }
        return e;
    }

    /** Runs a statement; returns the rows it changed. */
    public int exec(String sql, Tuple args) {
        return run(sql, args).rowCount();
    }

    /** Runs a statement with positional arguments ($1, $2, ...). */
    public int exec(String sql, Object... args) {
        return exec(sql, Tuple.from(args));
    }

    /** Runs a statement once per tuple, in one round trip; returns the rows changed in all. */
    public int batch(String sql, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (RowSet<Row> set = runBatch(sql, rows); set != null;
                set = set.next()) {
            changed += set.rowCount();
        }
        return changed;
    }

    /** Runs a statement once per tuple, in one round trip; returns the rows each execution returned, in order. */
    public <T> List<T> batch(String sql, List<Tuple> rows, Function<Row, T> mapper) {
        List<T> result = new ArrayList<>();
        if (rows.isEmpty()) {
            return result;
        }
        for (RowSet<Row> set = runBatch(sql, rows); set != null;
                set = set.next()) {
            set.forEach(r -> result.add(mapper.apply(r)));
        }
        return result;
    }

    public <T> List<T> list(String sql, Tuple args, Function<Row, T> mapper) {
        RowSet<Row> rows = run(sql, args);
        List<T> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(mapper.apply(row));
        }
        return result;
    }

    public <T> Optional<T> first(String sql, Tuple args, Function<Row, T> mapper) {
        RowSet<Row> rows = run(sql, args);
        var it = rows.iterator();
        return it.hasNext() ? Optional.ofNullable(mapper.apply(it.next())) : Optional.empty();
    }

    /** The single row a statement must return (a count, an insert's returning clause). */
    public <T> T one(String sql, Tuple args, Function<Row, T> mapper) {
        return first(sql, args, mapper).orElseThrow(() -> new IllegalStateException("no row from: " + sql));
    }

    public Duration timeout() {
        return timeout;
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
