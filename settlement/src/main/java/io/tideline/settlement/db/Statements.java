package io.tideline.settlement.db;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Runs prepared statements on a connection from a worker thread, waiting for each (see BlockingTransaction). */
public final class Statements {

    private final Duration timeout;

    public Statements(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    public <T> List<T> list(SqlConnection c, String sql, Tuple args, Function<Row, T> mapper) {
        List<T> out = new ArrayList<>();
        c.preparedQuery(sql).execute(args).await().atMost(timeout).forEach(r -> out.add(mapper.apply(r)));
        return out;
    }

    public <T> Optional<T> first(SqlConnection c, String sql, Tuple args, Function<Row, T> mapper) {
        RowSet<Row> rows = c.preparedQuery(sql).execute(args).await().atMost(timeout);
        var it = rows.iterator();
        return it.hasNext() ? Optional.ofNullable(mapper.apply(it.next())) : Optional.empty();
    }

    /** Executes and returns the number of rows changed. */
    public int exec(SqlConnection c, String sql, Tuple args) {
        return c.preparedQuery(sql).execute(args).await().atMost(timeout).rowCount();
    }

    /** Executes once per tuple in one round trip; returns the rows each execution returned, in order. */
    public <T> List<T> batch(SqlConnection c, String sql, List<Tuple> args, Function<Row, T> mapper) {
        List<T> out = new ArrayList<>();
        if (args.isEmpty()) {
            return out;
        }
        RowSet<Row> rows = c.preparedQuery(sql).executeBatch(args).await().atMost(timeout);
        for (RowSet<Row> set = rows; set != null; set = set.next()) {
            set.forEach(r -> out.add(mapper.apply(r)));
        }
        return out;
    }

    /** Executes once per tuple in one round trip; returns the total number of rows changed. */
    public int batch(SqlConnection c, String sql, List<Tuple> args) {
        if (args.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (RowSet<Row> set = c.preparedQuery(sql).executeBatch(args).await().atMost(timeout); set != null;
                set = set.next()) {
            changed += set.rowCount();
        }
        return changed;
    }
}
