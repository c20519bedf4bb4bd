package io.tideline.pnl.execution;

import io.tideline.events.TradeSide;
import io.tideline.messaging.tx.SentRead;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code execution} table: executions stored once by their id, with the alert they matched and retraction. */
@ApplicationScoped
public class ExecutionStore {

    /** An execution as stored: with its alert (null if none) and whether a reorg retracted it. */
    public record Stored(Execution execution, String alertId, boolean retracted) {
    }

    /** What storing an execution found: the n-th recording of it (0 the first time) and the alert it matched. */
    public record Recording(int recording, String alertId) {
    }

    /** The first parameter number {@link #sendRecord}'s alert expression may use ($1-$11 are the execution's). */
    public static final int ALERT_PARAMETERS_FROM = 12;

    private static final String RECORD = "insert into execution (execution_id, user_id, venue, market, outcome, side,"
            + " shares, price, fee, executed_at, tx_hash, alert_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
            + " $11, %s) on conflict (execution_id) do update set retracted = false,"
            + " recording = execution.recording + 1, side = excluded.side, shares = excluded.shares,"
            + " price = excluded.price, fee = excluded.fee, executed_at = excluded.executed_at,"
            + " alert_id = excluded.alert_id where execution.retracted returning recording, alert_id";

    /**
     * Stores a new execution, or records again one a reorg retracted (its transaction mined again), with the figures
     * read now; sent without waiting. Its alert is found by the same statement: {@code alertIdSql} is a scalar
     * expression over {@code alertArgs}, numbered from {@value #ALERT_PARAMETERS_FROM}, so that finding the alert and
     * storing the execution take one round trip.
     *
     * @return the recording (0 for a new execution, n for the n-th recording again) and the alert stored with it; no
     *         row when the execution is stored and live (nothing is changed then)
     */
    public SentRead<Recording> sendRecord(UnitOfWork uow, Execution e, String alertIdSql, List<Object> alertArgs) {
        List<Object> args = new ArrayList<>(Arrays.asList(e.executionId(), e.user(), e.venue(), e.market(),
                e.outcome(), e.side().name(), e.shares(), e.price(), e.fee(), Sql.utc(e.executedAt()), e.txHash()));
        args.addAll(alertArgs);
        return uow.sendRead(RECORD.formatted(alertIdSql), Tuple.from(args),
                r -> new Recording(r.getInteger(0), r.getString(1)));
    }

    public Optional<Stored> find(Sql sql, String executionId) {
        return sql.first("select * from execution where execution_id = $1", Tuple.of(executionId),
                ExecutionStore::stored);
    }

    /** Marks an execution retracted; false if it is unknown or retracted already. */
    public boolean retract(UnitOfWork uow, String executionId) {
        return uow.exec("update execution set retracted = true where execution_id = $1 and not retracted",
                Tuple.of(executionId)) > 0;
    }

    /** The live (not retracted) executions of a user's transaction. */
    public SentRead<String> sendLiveIdsOfTransaction(UnitOfWork uow, String user, String txHash) {
        return uow.sendRead("select execution_id from execution where user_id = $1 and tx_hash = $2 and not retracted",
                Tuple.of(user, txHash), r -> r.getString(0));
    }

    static Stored stored(Row r) {
        return new Stored(execution(r), r.getString("alert_id"), r.getBoolean("retracted"));
    }

    static Execution execution(Row r) {
        return new Execution(r.getString("execution_id"), r.getString("user_id"), r.getString("venue"),
                r.getString("market"), r.getString("outcome"), TradeSide.valueOf(r.getString("side")),
                r.getBigDecimal("shares"), r.getBigDecimal("price"), r.getBigDecimal("fee"),
                Sql.instant(r, "executed_at"), r.getString("tx_hash"));
    }
}
