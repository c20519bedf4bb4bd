package io.tideline.settlement.stats;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.settlement.config.SettlementConfig;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Counts of what settlement holds, for the API. */
@ApplicationScoped
public class StatsQuery {

    /** Totals; take-profits by state; the last run's start and duration. */
    public record Stats(long sessions, long activeSessions, long stoppedSessions, long fills, long buyFills,
                        Map<String, Long> takeProfitsByState, long takeProfitFills, long runs,
                        long duplicatesPrevented, Instant lastRunAt, Long lastRunMillis) {
    }

    private final Transactions transactions;
    private final Duration lookback;

    public StatsQuery(Transactions transactions, SettlementConfig config) {
        this.transactions = transactions;
        this.lookback = config.run().lookback();
    }

    /** Sessions active within the settlement lookback count as active. */
    public Stats stats() {
        Sql sql = transactions.reads();
        Row totals = sql.one("select (select count(*) from mm_session),"
                + " (select count(*) from mm_session where last_activity_at >= $1),"
                + " (select count(*) from mm_session where stop_loss_state = 'TRIPPED'),"
                + " (select count(*) from mm_fill), (select count(*) from mm_fill where side = 'BUY'),"
                + " (select count(*) from tp_fill), (select count(*) from settlement_run),"
                + " (select coalesce(sum(duplicates_prevented), 0) from settlement_run),"
                + " (select max(started_at) from settlement_run) as last_run_at,"
                + " (select duration_ms from settlement_run order by started_at desc limit 1)",
                Tuple.of(Sql.utc(Instant.now().minus(lookback))), r -> r);
        Map<String, Long> byState = new TreeMap<>();
        sql.list("select state, count(*) from tp_order group by state", Tuple.tuple(),
                r -> byState.put(r.getString(0), r.getLong(1)));
        return new Stats(totals.getLong(0), totals.getLong(1), totals.getLong(2), totals.getLong(3),
                totals.getLong(4), byState, totals.getLong(5), totals.getLong(6), totals.getLong(7),
                Sql.instant(totals, "last_run_at"), totals.getLong(9));
    }
}
