package io.tideline.pnl.alert;

import io.tideline.messaging.sql.BlockingSql;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the alert an execution followed: the newest alert with a leg on the execution's venue, market and outcome,
 * created within the window before the execution ({@code executedAt - window <= createdAt <= executedAt}, both ends
 * inclusive) and not yet expired when the execution happened. Judged by the execution's time, not the clock, so a
 * delivery processed late matches as it would have on time.
 */
public final class AlertMatcher {

    private final BlockingSql sql;
    private final Duration window;

    public AlertMatcher(BlockingSql sql, Duration window) {
        this.sql = sql;
        this.window = window;
    }

    public Optional<String> match(SqlClient c, String venue, String market, String outcome, Instant executedAt) {
        return sql.first(c, "select a.alert_id from arbitrage_alert a join arbitrage_alert_leg l"
                        + " on l.alert_id = a.alert_id where l.venue = $1 and l.market = $2 and l.outcome = $3"
                        + " and a.created_at <= $4 and a.created_at >= $5 and a.expires_at >= $4"
                        + " order by a.created_at desc, a.alert_id desc limit 1",
                Tuple.of(venue, market, outcome, BlockingSql.utc(executedAt),
                        BlockingSql.utc(windowStart(executedAt))), r -> r.getString(0));
    }

    /** The earliest creation time an alert may have to match an execution at {@code executedAt}. */
    public Instant windowStart(Instant executedAt) {
        return executedAt.minus(window);
    }
}
