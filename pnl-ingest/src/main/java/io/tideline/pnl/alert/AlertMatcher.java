package io.tideline.pnl.alert;

import io.tideline.messaging.tx.Sql;
import io.tideline.pnl.config.PnlConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the alert an execution followed: the newest alert with a leg on the execution's venue, market and outcome,
 * created within the window before the execution ({@code executedAt - window <= createdAt <= executedAt}, both ends
 * inclusive) and not yet expired when the execution happened. Judged by the execution's time, not the clock, so a
 * delivery processed late matches as it would have on time.
 */
@ApplicationScoped
public class AlertMatcher {

    private final Duration window;

    public AlertMatcher(PnlConfig config) {
        this.window = config.matching().window();
    }

    /**
     * The match as a scalar subquery (the alert id, or null) over the five parameters from {@code $first} on that
     * {@link #args} gives: the statement that stores an execution finds its alert in the same round trip.
     */
    public String subquery(int first) {
        return "(select a.alert_id from arbitrage_alert a join arbitrage_alert_leg l on l.alert_id = a.alert_id"
                + " where l.venue = $" + first + " and l.market = $" + (first + 1) + " and l.outcome = $"
                + (first + 2) + " and a.created_at <= $" + (first + 3) + " and a.created_at >= $" + (first + 4)
                + " and a.expires_at >= $" + (first + 3) + " order by a.created_at desc, a.alert_id desc limit 1)";
    }

    /** The parameters of {@link #subquery}. */
    public List<Object> args(String venue, String market, String outcome, Instant executedAt) {
        return Arrays.asList(venue, market, outcome, Sql.utc(executedAt), Sql.utc(windowStart(executedAt)));
    }

    /** The earliest creation time an alert may have to match an execution at {@code executedAt}. */
    public Instant windowStart(Instant executedAt) {
        return executedAt.minus(window);
    }
}
