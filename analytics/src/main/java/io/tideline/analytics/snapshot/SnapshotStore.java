package io.tideline.analytics.snapshot;

import io.tideline.analytics.portfolio.Figures;
import io.tideline.analytics.portfolio.PnlParts;
import io.tideline.analytics.portfolio.Portfolio;
import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The snapshot tables' one home: write a portfolio as a snapshot, read series and readings back. */
@ApplicationScoped
public class SnapshotStore {

    private static final String FIGURES = "value, cost, fees_earned, impermanent_loss, hedge_realized,"
            + " hedge_unrealized, funding, gas, fees_paid, take_profit, prediction_market, total_pnl, part_fees, part_il,"
            + " part_market, part_hedge, part_funding, part_fees_paid, part_take_profit, part_prediction";
    private static final String LINE = "snapshot_id, taken_at, level, scope, book, " + FIGURES;

    /** Writes every level of {@code portfolio} and the pool prices; returns the snapshot id. */
    public long write(Sql sql, Portfolio portfolio, String reason, Map<String, BigDecimal> poolPrices) {
        long id = sql.one("insert into snapshot (taken_at, reason) values ($1, $2) returning snapshot_id",
                Tuple.of(Sql.utc(portfolio.at()), reason), r -> r.getLong("snapshot_id"));
        List<Tuple> rows = new ArrayList<>();
        rows.add(line(id, portfolio.at(), Level.DESK, "desk", null, portfolio.desk()));
        portfolio.books().forEach(b -> rows.add(line(id, portfolio.at(), Level.BOOK, b.book().name(), b.book().name(),
                b.figures())));
        portfolio.strategies().forEach(s -> rows.add(line(id, portfolio.at(), Level.STRATEGY, s.strategyId(),
                s.book().name(), s.figures())));
        StringBuilder params = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            params.append(i == 1 ? "$" : ", $").append(i);
        }
        sql.batch("insert into snapshot_line (" + LINE + ") values (" + params + ")", rows);
        List<Tuple> prices = new ArrayList<>();
        poolPrices.forEach((instrument, price) -> prices.add(Tuple.of(id, Sql.utc(portfolio.at()), instrument,
                price)));
        sql.batch("insert into snapshot_price (snapshot_id, taken_at, instrument, price) values ($1, $2, $3, $4)",
                prices);
        return id;
    }

    /** The series of one scope, oldest first, after {@code after} (exclusive) and up to {@code to}, at most limit. */
    public List<SnapshotLine> series(Sql sql, Level level, String scope, Instant after, Instant to, int limit) {
        return sql.list("select " + LINE + " from snapshot_line where level = $1 and scope = $2 and taken_at > $3"
                + " and taken_at <= $4 order by taken_at, snapshot_id limit $5",
                Tuple.of(level.name(), scope, Sql.utc(after), Sql.utc(to), limit), SnapshotStore::read);
    }

    /** The reading of one scope at the last snapshot at or before {@code at}. */
    public Optional<SnapshotLine> at(Sql sql, Level level, String scope, Instant at) {
        return sql.first("select " + LINE + " from snapshot_line where level = $1 and scope = $2 and taken_at <= $3"
                + " order by taken_at desc, snapshot_id desc limit 1", Tuple.of(level.name(), scope, Sql.utc(at)),
                SnapshotStore::read);
    }

    /** Every scope's reading in the last snapshot at or before {@code at}. */
    public List<SnapshotLine> linesAt(Sql sql, Instant at) {
        return sql.list("select " + LINE + " from snapshot_line where snapshot_id = (select snapshot_id from snapshot"
                + " where taken_at <= $1 order by taken_at desc, snapshot_id desc limit 1)", Tuple.of(Sql.utc(at)),
                SnapshotStore::read);
    }

    /** Every strategy's value series between two times (for correlation and the desk's risk). */
    public Map<String, List<SnapshotLine>> strategySeries(Sql sql, Instant from, Instant to) {
        Map<String, List<SnapshotLine>> out = new HashMap<>();
        sql.list("select " + LINE + " from snapshot_line where level = 'STRATEGY' and taken_at >= $1"
                + " and taken_at <= $2 order by taken_at, snapshot_id", Tuple.of(Sql.utc(from), Sql.utc(to)),
                SnapshotStore::read).forEach(l -> out.computeIfAbsent(l.scope(), k -> new ArrayList<>()).add(l));
        return out;
    }

    /** Every pool's price series between two times. */
    public Map<String, List<PoolPrice>> poolSeries(Sql sql, Instant from, Instant to) {
        Map<String, List<PoolPrice>> out = new HashMap<>();
        sql.list("select instrument, taken_at, price from snapshot_price where taken_at >= $1 and taken_at <= $2"
                + " order by taken_at, snapshot_id", Tuple.of(Sql.utc(from), Sql.utc(to)), r -> {
                    out.computeIfAbsent(r.getString("instrument"), k -> new ArrayList<>())
                            .add(new PoolPrice(Sql.instant(r, "taken_at"), r.getBigDecimal("price")));
                    return null;
                });
        return out;
    }

    /** A pool's price at a snapshot. */
    public record PoolPrice(Instant at, BigDecimal price) {
    }

    /** When the last snapshot of a reason was taken. */
    public Optional<Instant> lastTaken(Sql sql, String reason) {
        return sql.first("select max(taken_at) as t from snapshot where reason = $1", Tuple.of(reason),
                r -> Sql.instant(r, "t"));
    }

    private static Tuple line(long id, Instant at, Level level, String scope, String book, Figures f) {
        PnlParts p = f.parts();
        return Tuple.from(new Object[] {id, Sql.utc(at), level.name(), scope, book, f.value(), f.cost(),
                f.feesEarned(), f.impermanentLoss(), f.hedgeRealized(), f.hedgeUnrealized(), f.funding(), f.gas(),
                f.feesPaid(), f.takeProfit(), f.predictionMarket(), f.totalPnl(), p.fees(), p.impermanentLoss(),
                p.market(), p.hedge(), p.funding(), p.feesPaid(), p.takeProfit(), p.predictionMarket()});
    }

    private static SnapshotLine read(Row r) {
        PnlParts parts = new PnlParts(r.getBigDecimal("part_fees"), r.getBigDecimal("part_il"),
                r.getBigDecimal("part_market"), r.getBigDecimal("part_hedge"), r.getBigDecimal("part_funding"),
                r.getBigDecimal("part_fees_paid"), r.getBigDecimal("part_take_profit"),
                r.getBigDecimal("part_prediction"));
        Figures f = new Figures(r.getBigDecimal("value"), r.getBigDecimal("cost"), r.getBigDecimal("fees_earned"),
                r.getBigDecimal("impermanent_loss"), r.getBigDecimal("hedge_realized"),
                r.getBigDecimal("hedge_unrealized"), r.getBigDecimal("funding"), r.getBigDecimal("gas"),
                r.getBigDecimal("fees_paid"), r.getBigDecimal("take_profit"), r.getBigDecimal("prediction_market"),
                r.getBigDecimal("total_pnl"), parts, List.of());
        return new SnapshotLine(r.getLong("snapshot_id"), Sql.instant(r, "taken_at"),
                Level.valueOf(r.getString("level")), r.getString("scope"), r.getString("book"), f);
    }
}
