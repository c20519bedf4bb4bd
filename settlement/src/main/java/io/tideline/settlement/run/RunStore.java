package io.tideline.settlement.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The history of settlement runs: written in the run's last unit of work, read by the API. */
@ApplicationScoped
public class RunStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "run_id, trigger, dry_run, started_at, finished_at, sessions, pairs,"
            + " positions_uncovered, positions_covered, orders_placed, orders_replaced, orders_failed,"
            + " duplicates_prevented, take_profits_filled, pairs_skipped_locked, sessions_stopped, duration_ms,"
            + " venue_ms, errors::text";

    private final Transactions transactions;

    public RunStore(Transactions transactions) {
        this.transactions = transactions;
    }

    public void insert(UnitOfWork uow, RunResult r) {
        String errors;
        try {
            errors = JSON.writeValueAsString(r.errors());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        uow.exec("insert into settlement_run (" + COLUMNS.replace("errors::text", "errors") + ") values ($1, $2,"
                + " $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, cast(cast($19 as text) as jsonb))",
                Tuple.from(Arrays.asList(UUID.fromString(r.runId()), r.trigger(), r.dryRun(),
                        Sql.utc(r.startedAt()), Sql.utc(r.finishedAt()), r.sessions(), r.pairs(),
                        r.positionsUncovered(), r.positionsCovered(), r.ordersPlaced(), r.ordersReplaced(),
                        r.ordersFailed(), r.duplicatesPrevented(), r.takeProfitsFilled(), r.pairsSkippedLocked(),
                        r.sessionsStopped(), r.durationMillis(), r.venueMillis(), errors)));
    }

    /** The latest runs, newest first. */
    public List<RunResult> latest(int limit) {
        return transactions.reads().list("select " + COLUMNS + " from settlement_run order by started_at desc"
                + " limit $1", Tuple.of(limit), RunStore::run);
    }

    public Optional<RunResult> run(UUID runId) {
        return transactions.reads().first("select " + COLUMNS + " from settlement_run where run_id = $1",
                Tuple.of(runId), RunStore::run);
    }

    private static RunResult run(Row r) {
        List<RunResult.PairError> errors;
        try {
            errors = JSON.readValue(r.getString(18), new TypeReference<List<RunResult.PairError>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new RunResult(r.getUUID(0).toString(), r.getString(1), r.getBoolean(2),
                r.getOffsetDateTime(3).toInstant(), r.getOffsetDateTime(4).toInstant(), r.getInteger(5),
                r.getInteger(6), r.getInteger(7), r.getInteger(8), r.getInteger(9), r.getInteger(10),
                r.getInteger(11), r.getInteger(12), r.getInteger(13), r.getInteger(14), r.getInteger(15),
                r.getLong(16), r.getLong(17), errors);
    }
}
