package io.tideline.alerting.watch;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code watched_position}: LP positions as the events describe them. */
@ApplicationScoped
public class PositionFacts {

    private static final String COLUMNS = "position_key, owner, pool, symbol0, symbol1, decimals0, decimals1,"
            + " cost_token1, open, out_of_range_since, minted_at, amount0, amount1, loss_token1, fees_token1,"
            + " hedge_market, hedged_qty, hedged";

    /** The position, locked for this unit of work; an unknown one as {@link WatchedPosition#unknown}. */
    public WatchedPosition lock(Sql sql, String key) {
        sql.exec("insert into watched_position (position_key, updated_at) values ($1, now())"
                + " on conflict (position_key) do nothing", key);
        return sql.one("select " + COLUMNS + " from watched_position where position_key = $1 for update",
                Tuple.of(key), PositionFacts::position);
    }

    public Optional<WatchedPosition> find(Sql sql, String key) {
        return sql.first("select " + COLUMNS + " from watched_position where position_key = $1", Tuple.of(key),
                PositionFacts::position);
    }

    public void save(Sql sql, WatchedPosition p) {
        sql.exec("update watched_position set owner = $2, pool = $3, symbol0 = $4, symbol1 = $5, decimals0 = $6,"
                + " decimals1 = $7, cost_token1 = $8, open = $9, out_of_range_since = $10, minted_at = $11,"
                + " amount0 = $12, amount1 = $13, loss_token1 = $14, fees_token1 = $15, hedge_market = $16,"
                + " hedged_qty = $17, hedged = $18, updated_at = now() where position_key = $1",
                Tuple.from(Arrays.asList(p.positionKey(), p.owner(), p.pool(), p.symbol0(), p.symbol1(),
                        p.decimals0(), p.decimals1(), p.costToken1(), p.open(), Sql.utc(p.outOfRangeSince()),
                        Sql.utc(p.mintedAt()), p.amount0(), p.amount1(), p.lossToken1(), p.feesToken1(),
                        p.hedgeMarket(), p.hedgedQty(), p.hedged())));
    }

    /** Open positions out of range since {@code cutoff} or earlier. */
    public List<WatchedPosition> outOfRangeSince(Sql sql, Instant cutoff) {
        return sql.list("select " + COLUMNS + " from watched_position where open and out_of_range_since <= $1",
                Tuple.of(Sql.utc(cutoff)), PositionFacts::position);
    }

    /** Open positions minted at {@code cutoff} or earlier that have no hedge fill. */
    public List<WatchedPosition> unhedgedSince(Sql sql, Instant cutoff) {
        return sql.list("select " + COLUMNS + " from watched_position where open and not hedged"
                + " and minted_at <= $1", Tuple.of(Sql.utc(cutoff)), PositionFacts::position);
    }

    private static WatchedPosition position(Row r) {
        return new WatchedPosition(r.getString("position_key"), r.getString("owner"), r.getString("pool"),
                r.getString("symbol0"), r.getString("symbol1"), r.getInteger("decimals0"), r.getInteger("decimals1"),
                r.getBigDecimal("cost_token1"), r.getBoolean("open"), Sql.instant(r, "out_of_range_since"),
                Sql.instant(r, "minted_at"), r.getBigDecimal("amount0"), r.getBigDecimal("amount1"),
                r.getBigDecimal("loss_token1"), r.getBigDecimal("fees_token1"), r.getString("hedge_market"),
                orZero(r.getBigDecimal("hedged_qty")), r.getBoolean("hedged"));
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
