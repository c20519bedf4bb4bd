package io.tideline.alerting.watch;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code watched_user_pnl}: each user's cumulative realized P&amp;L after each realization. */
@ApplicationScoped
public class PnlFacts {

    /** A user's cumulative P&amp;L now and its highest value within a window that ends now. */
    public record Drawdown(BigDecimal cumulative, BigDecimal peak) {

        public BigDecimal depth() {
            return peak.subtract(cumulative).max(BigDecimal.ZERO);
        }
    }

    /** Appends a realization; the new cumulative P&amp;L. */
    public BigDecimal realize(Sql sql, String user, Instant at, BigDecimal realizedPnl) {
        sql.exec("select pg_advisory_xact_lock(hashtextextended($1, 11))", user);
        BigDecimal before = sql.first("select cumulative from watched_user_pnl where user_id = $1"
                + " order by id desc limit 1", Tuple.of(user), r -> r.getBigDecimal("cumulative"))
                .orElse(BigDecimal.ZERO);
        BigDecimal after = before.add(realizedPnl);
        sql.exec("insert into watched_user_pnl (user_id, at, cumulative) values ($1, $2, $3)",
                Tuple.of(user, Sql.utc(at), after));
        return after;
    }

    /**
     * The drawdown within {@code [from, now]}: the peak is the highest cumulative P&amp;L recorded in the window, or
     * the level it started the window at (the last value before it, 0 if none).
     */
    public Drawdown drawdown(Sql sql, String user, Instant from, BigDecimal cumulative) {
        BigDecimal start = sql.first("select cumulative from watched_user_pnl where user_id = $1 and at < $2"
                + " order by at desc, id desc limit 1", Tuple.of(user, Sql.utc(from)), r -> r.getBigDecimal(
                "cumulative")).orElse(BigDecimal.ZERO);
        BigDecimal inWindow = sql.one("select max(cumulative) as peak from watched_user_pnl where user_id = $1"
                + " and at >= $2", Tuple.of(user, Sql.utc(from)), r -> r.getBigDecimal("peak"));
        BigDecimal peak = inWindow == null ? start : inWindow.max(start);
        return new Drawdown(cumulative, peak.max(cumulative));
    }
}
