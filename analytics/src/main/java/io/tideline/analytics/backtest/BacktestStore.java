package io.tideline.analytics.backtest;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code backtest} table's one home: a job's row from its start to its result. */
@ApplicationScoped
public class BacktestStore {

    private static final String META = "backtest_id, name, status, steps, done, error, created_at, finished_at";

    /** A job as listed: no request, no result. */
    public record Job(UUID id, String name, String status, int steps, int done, String error, Instant createdAt,
                      Instant finishedAt) {
    }

    public void start(Sql sql, UUID id, String name, int steps, String request, Instant at) {
        sql.exec("insert into backtest (backtest_id, name, status, steps, request, created_at)"
                + " values ($1, $2, 'RUNNING', $3, $4, $5)", Tuple.from(new Object[] {id, name, steps, request,
                        Sql.utc(at)}));
    }

    public void progress(Sql sql, UUID id, int done) {
        sql.exec("update backtest set done = $2 where backtest_id = $1 and status = 'RUNNING'", Tuple.of(id, done));
    }

    public void finish(Sql sql, UUID id, String result, Instant at) {
        sql.exec("update backtest set status = 'DONE', done = steps, result = $2, finished_at = $3"
                + " where backtest_id = $1", Tuple.of(id, result, Sql.utc(at)));
    }

    public void fail(Sql sql, UUID id, String error, Instant at) {
        sql.exec("update backtest set status = 'FAILED', error = $2, finished_at = $3 where backtest_id = $1",
                Tuple.of(id, error, Sql.utc(at)));
    }

    public Optional<Job> job(Sql sql, UUID id) {
        return sql.first("select " + META + " from backtest where backtest_id = $1", Tuple.of(id), BacktestStore::job);
    }

    public Optional<String> result(Sql sql, UUID id) {
        return sql.first("select result from backtest where backtest_id = $1 and status = 'DONE'", Tuple.of(id),
                r -> r.getString("result"));
    }

    /** Newest first, at most {@code limit}. */
    public List<Job> list(Sql sql, int limit) {
        return sql.list("select " + META + " from backtest order by created_at desc, backtest_id limit $1",
                Tuple.of(limit), BacktestStore::job);
    }

    private static Job job(Row r) {
        return new Job(r.getUUID("backtest_id"), r.getString("name"), r.getString("status"), r.getInteger("steps"),
                r.getInteger("done"), r.getString("error"), Sql.instant(r, "created_at"),
                r.getValue("finished_at") == null ? null : Sql.instant(r, "finished_at"));
    }
}
