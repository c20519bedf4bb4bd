package io.tideline.pnl.execution;

import io.tideline.events.EventEnvelope;
import io.tideline.events.TradeSide;
import io.tideline.events.pnl.ExecutionMatched;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.messaging.sql.BlockingSql;
import io.tideline.pnl.alert.AlertMatcher;
import io.tideline.pnl.pnl.PnlLedger;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Records an execution in the caller's transaction, whatever brought it (a webhook, the poller, a venue's post):
 * stored once by its id, matched to the alert it followed (ExecutionMatched / ExecutionUnmatched), applied to the
 * user's lots (PnlRealized for what a sale closes). Returns the events for the caller to put in the outbox with its
 * state.
 */
public final class ExecutionRecorder {

    private final BlockingSql sql;
    private final AlertMatcher matcher;
    private final PnlLedger ledger;

    public ExecutionRecorder(BlockingSql sql, AlertMatcher matcher, PnlLedger ledger) {
        this.sql = sql;
        this.matcher = matcher;
        this.ledger = ledger;
    }

    /** What recording found: the events caused, or that the execution was already recorded. */
    public record Recorded(boolean duplicate, String alertId, List<EventEnvelope<?>> events) {
    }

    public Recorded record(SqlClient c, Execution e) {
        Optional<String> alert = matcher.match(c, e.venue(), e.market(), e.outcome(), e.executedAt());
        int inserted = sql.exec(c, "insert into execution (execution_id, user_id, venue, market, outcome, side, shares,"
                        + " price, fee, executed_at, tx_hash, alert_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
                        + " $11, $12) on conflict (execution_id) do nothing",
                Tuple.tuple(Arrays.asList(e.executionId(), e.user(), e.venue(), e.market(), e.outcome(),
                        e.side().name(), e.shares(), e.price(), e.fee(), BlockingSql.utc(e.executedAt()),
                        e.txHash(), alert.orElse(null))));
        if (inserted == 0) {
            return new Recorded(true, existingAlert(c, e.executionId()).orElse(null), List.of());
        }
        List<EventEnvelope<?>> events = new ArrayList<>();
        if (alert.isPresent()) {
            events.add(PnlEvents.of(PnlEvents.idOf("execution|" + e.executionId()), e.user(),
                    new ExecutionMatched(e.executionId(), e.user(), e.venue(), e.market(), e.outcome(), e.side(),
                            e.shares(), e.price(), e.fee(), e.executedAt(), alert.get())));
        } else {
            events.add(PnlEvents.of(PnlEvents.idOf("execution|" + e.executionId()), e.user(),
                    new ExecutionUnmatched(e.executionId(), e.user(), e.venue(), e.market(), e.outcome(), e.side(),
                            e.shares(), e.price(), e.fee(), e.executedAt())));
        }
        events.addAll(ledger.apply(c, e, alert.orElse(null)));
        return new Recorded(false, alert.orElse(null), events);
    }

    /** Undoes an execution whose transfers a reorg removed; nothing if it is unknown or already retracted. */
    public List<EventEnvelope<?>> retract(SqlClient c, String executionId) {
        int changed = sql.exec(c, "update execution set retracted = true where execution_id = $1 and not retracted",
                Tuple.of(executionId));
        if (changed == 0) {
            return List.of();
        }
        Execution e = find(c, executionId).orElseThrow();
        return ledger.retract(c, e);
    }

    /** The live (not retracted) executions of a user's transaction. */
    public List<String> liveIdsOfTransaction(SqlClient c, String user, String txHash) {
        return sql.list(c, "select execution_id from execution where user_id = $1 and tx_hash = $2 and not retracted",
                Tuple.of(user, txHash), r -> r.getString(0));
    }

    public Optional<Execution> find(SqlClient c, String executionId) {
        return sql.first(c, "select * from execution where execution_id = $1", Tuple.of(executionId),
                ExecutionRecorder::execution);
    }

    private Optional<String> existingAlert(SqlClient c, String executionId) {
        return sql.first(c, "select alert_id from execution where execution_id = $1", Tuple.of(executionId),
                r -> r.getString(0));
    }

    public static Execution execution(Row r) {
        return new Execution(r.getString("execution_id"), r.getString("user_id"), r.getString("venue"),
                r.getString("market"), r.getString("outcome"), TradeSide.valueOf(r.getString("side")),
                r.getBigDecimal("shares"), r.getBigDecimal("price"), r.getBigDecimal("fee"),
                BlockingSql.instant(r, "executed_at"), r.getString("tx_hash"));
    }
}
