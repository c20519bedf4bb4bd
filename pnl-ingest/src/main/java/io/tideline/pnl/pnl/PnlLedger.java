package io.tideline.pnl.pnl;

import io.tideline.events.EventEnvelope;
import io.tideline.events.TradeSide;
import io.tideline.events.pnl.CostBasisMethod;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.messaging.sql.BlockingSql;
import io.tideline.pnl.execution.Execution;
import io.tideline.pnl.execution.PnlEvents;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The lots and realized P&amp;L of every user's position in every outcome, in the caller's transaction: a buy opens a
 * lot, a sale closes lots by the user's cost-basis method, a resolution closes every lot of a market at its payout,
 * and a sale removed by a reorg gives its lots back. Each book (user, venue, market, outcome) is changed under a
 * transaction-scoped advisory lock, so the webhook processor and the executions API never interleave on one book.
 */
public final class PnlLedger {

    private static final Logger LOG = Logger.getLogger(PnlLedger.class);
    private static final String LOT_COLUMNS = "lot_id, acquired_at, shares, remaining, price, fee, remaining_fee,"
            + " alert_id";

    private final BlockingSql sql;
    private final CostBasisMethod defaultMethod;

    public PnlLedger(BlockingSql sql, CostBasisMethod defaultMethod) {
        this.sql = sql;
        this.defaultMethod = defaultMethod;
    }

    /** Applies a new execution to its book; returns the PnlRealized events it caused. */
    public List<EventEnvelope<?>> apply(SqlClient c, Execution e, String alertId) {
        lockBookAndCountTrade(c, e, 1);
        if (e.side() == TradeSide.BUY) {
            sql.exec(c, "insert into pnl_lot (user_id, venue, market, outcome, execution_id, acquired_at, shares,"
                            + " remaining, price, fee, remaining_fee, alert_id) values ($1, $2, $3, $4, $5, $6, $7, $7,"
                            + " $8, $9, $9, $10)",
                    Tuple.tuple(Arrays.asList(e.user(), e.venue(), e.market(), e.outcome(), e.executionId(),
                            BlockingSql.utc(e.executedAt()), e.shares(), e.price(), e.fee(), alertId)));
            return List.of();
        }
        CostBasisMethod method = methodOf(c, e.user());
        List<Lot> open = openLots(c, e.user(), e.venue(), e.market(), e.outcome());
        List<LotTake> takes = LotSelection.take(open, e.shares(), method);
        BigDecimal covered = takes.stream().map(LotTake::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (covered.compareTo(e.shares()) < 0) {
            LOG.warnf("sale %s of %s shares finds only %s held by %s in %s/%s: the rest has no cost basis and is not"
                    + " realized", e.executionId(), e.shares(), covered, e.user(), e.market(), e.outcome());
        }
        if (takes.isEmpty()) {
            return List.of();
        }
        BigDecimal saleFee = covered.compareTo(e.shares()) >= 0 ? e.fee()
                : e.fee().multiply(covered).divide(e.shares(), LotSelection.FEE_SCALE, RoundingMode.HALF_EVEN);
        return realize(c, e.user(), e.venue(), e.market(), e.outcome(), e.executionId(),
                Closing.of(takes, e.price(), saleFee, alertId), method, PnlRealized.Reason.SELL, e.executedAt());
    }

    /** Closes every open lot of a market: the winning outcome pays 1 per share, the others 0. */
    public List<EventEnvelope<?>> resolve(SqlClient c, String venue, String market, String winningOutcome,
            Instant resolvedAt) {
        List<Row> books = sql.list(c, "select distinct user_id, outcome from pnl_lot where venue = $1 and market = $2"
                + " and remaining > 0 order by user_id, outcome", Tuple.of(venue, market), r -> r);
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (Row book : books) {
            String user = book.getString("user_id");
            String outcome = book.getString("outcome");
            lockBook(c, user, venue, market, outcome);
            List<LotTake> takes = LotSelection.all(openLots(c, user, venue, market, outcome));
            BigDecimal payout = outcome.equals(winningOutcome) ? BigDecimal.ONE : BigDecimal.ZERO;
            events.addAll(realize(c, user, venue, market, outcome, "resolution:" + venue + ":" + market,
                    Closing.of(takes, payout, BigDecimal.ZERO, null), CostBasisMethod.FIFO,
                    PnlRealized.Reason.RESOLUTION, resolvedAt));
        }
        return events;
    }

    /**
     * Undoes an execution a reorg removed: a sale's realizations are reversed (their lots given back, a negated
     * PnlRealized each); a buy's lot is withdrawn with whatever of it is still open.
     */
    public List<EventEnvelope<?>> retract(SqlClient c, Execution e) {
        lockBookAndCountTrade(c, e, -1);
        if (e.side() == TradeSide.BUY) {
            int spent = sql.first(c, "select count(*) from pnl_lot_consumption k join pnl_lot l on l.lot_id = k.lot_id"
                    + " where l.execution_id = $1", Tuple.of(e.executionId()), r -> r.getLong(0).intValue()).orElse(0);
            if (spent > 0) {
                LOG.warnf("buy %s was removed by a reorg after %d sale(s) closed shares of it: that realized P&L is"
                        + " kept; only the open rest is withdrawn", e.executionId(), spent);
            }
            sql.exec(c, "update pnl_lot set remaining = 0, remaining_fee = 0 where execution_id = $1",
                    Tuple.of(e.executionId()));
            return List.of();
        }
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (Row r : sql.list(c, "select * from pnl_realization where closing_id = $1 and reason = 'SELL'",
                Tuple.of(e.executionId()), row -> row)) {
            UUID id = r.getUUID("realization_id");
            sql.exec(c, "update pnl_lot l set remaining = l.remaining + k.quantity, remaining_fee = l.remaining_fee"
                    + " + k.fee from pnl_lot_consumption k where k.realization_id = $1 and k.lot_id = l.lot_id",
                    Tuple.of(id));
            sql.exec(c, "delete from pnl_realization where realization_id = $1", Tuple.of(id));
            BigDecimal pnl = r.getBigDecimal("realized_pnl");
            Instant at = BlockingSql.instant(r, "realized_at");
            addClose(c, e.user(), at, pnl.negate(), -1, pnl.signum() > 0 ? -1 : 0);
            PnlRealized undone = new PnlRealized(e.user(), e.venue(), e.market(), e.outcome(),
                    r.getBigDecimal("quantity").negate(), r.getBigDecimal("cost_basis").negate(),
                    r.getBigDecimal("proceeds").negate(), pnl.negate(), r.getBigDecimal("fees").negate(),
                    CostBasisMethod.valueOf(r.getString("method")), PnlRealized.Reason.RETRACTED,
                    r.getString("alert_id"), Instant.now());
            events.add(PnlEvents.of(PnlEvents.idOf("retract|" + id), e.user(), undone));
        }
        return events;
    }

    /** The user's cost-basis method: their own if set, else the configured default. */
    public CostBasisMethod methodOf(SqlClient c, String user) {
        return sql.first(c, "select method from user_cost_basis where user_id = $1", Tuple.of(user),
                r -> CostBasisMethod.valueOf(r.getString(0))).orElse(defaultMethod);
    }

    private List<EventEnvelope<?>> realize(SqlClient c, String user, String venue, String market, String outcome,
            String closingId, List<Closing.Part> parts, CostBasisMethod method, PnlRealized.Reason reason,
            Instant at) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (Closing.Part part : parts) {
            UUID id = PnlEvents.idOf("realization|" + closingId + "|" + user + "|" + market + "|" + outcome + "|"
                    + part.alertId());
            BigDecimal pnl = part.realizedPnl();
            sql.exec(c, "insert into pnl_realization (realization_id, user_id, venue, market, outcome, closing_id,"
                            + " quantity, cost_basis, proceeds, fees, realized_pnl, method, reason, alert_id,"
                            + " realized_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                    Tuple.tuple(Arrays.asList(id, user, venue, market, outcome, closingId, part.quantity(),
                            part.costBasis(), part.proceeds(), part.fees(), pnl, method.name(), reason.name(),
                            part.alertId(), BlockingSql.utc(at))));
            List<Tuple> consumed = new ArrayList<>();
            for (LotTake take : part.takes()) {
                consumed.add(Tuple.of(id, take.lot().lotId(), take.quantity(), take.fee()));
            }
            sql.batch(c, "insert into pnl_lot_consumption (realization_id, lot_id, quantity, fee)"
                    + " values ($1, $2, $3, $4)", consumed);
            sql.batch(c, "update pnl_lot set remaining = remaining - $2, remaining_fee = remaining_fee - $3"
                    + " where lot_id = $1", part.takes().stream()
                    .map(t -> Tuple.of(t.lot().lotId(), t.quantity(), t.fee())).toList());
            addClose(c, user, at, pnl, 1, pnl.signum() > 0 ? 1 : 0);
            events.add(PnlEvents.of(id, user, new PnlRealized(user, venue, market, outcome, part.quantity(),
                    part.costBasis(), part.proceeds(), pnl, part.fees(), method, reason, part.alertId(), at)));
        }
        return events;
    }

    private List<Lot> openLots(SqlClient c, String user, String venue, String market, String outcome) {
        return sql.list(c, "select " + LOT_COLUMNS + " from pnl_lot where user_id = $1 and venue = $2 and market = $3"
                + " and outcome = $4 and remaining > 0", Tuple.of(user, venue, market, outcome), PnlLedger::lot);
    }

    private void lockBook(SqlClient c, String user, String venue, String market, String outcome) {
        sql.exec(c, "select pg_advisory_xact_lock(hashtextextended($1, 7))",
                Tuple.of(bookKey(user, venue, market, outcome)));
    }

    /** Takes the book's lock and counts the trade for the leaderboard, in one round trip. */
    private void lockBookAndCountTrade(SqlClient c, Execution e, int trades) {
        sql.exec(c, "with book as (select pg_advisory_xact_lock(hashtextextended($1, 7)))"
                + " insert into pnl_daily (user_id, day, trades) select $2, $3, $4 from book"
                + " on conflict (user_id, day) do update set trades = pnl_daily.trades + excluded.trades",
                Tuple.of(bookKey(e.user(), e.venue(), e.market(), e.outcome()), e.user(),
                        e.executedAt().atZone(ZoneOffset.UTC).toLocalDate(), trades));
    }

    private static String bookKey(String user, String venue, String market, String outcome) {
        return user + "|" + venue + "|" + market + "|" + outcome;
    }

    private void addClose(SqlClient c, String user, Instant at, BigDecimal pnl, int closes, int wins) {
        sql.exec(c, "insert into pnl_daily (user_id, day, realized_pnl, closes, wins) values ($1, $2, $3, $4, $5)"
                + " on conflict (user_id, day) do update set realized_pnl = pnl_daily.realized_pnl"
                + " + excluded.realized_pnl, closes = pnl_daily.closes + excluded.closes,"
                + " wins = pnl_daily.wins + excluded.wins",
                Tuple.of(user, at.atZone(ZoneOffset.UTC).toLocalDate(), pnl, closes, wins));
    }

    private static Lot lot(Row r) {
        return new Lot(r.getLong("lot_id"), BlockingSql.instant(r, "acquired_at"), r.getBigDecimal("shares"),
                r.getBigDecimal("remaining"), r.getBigDecimal("price"), r.getBigDecimal("fee"),
                r.getBigDecimal("remaining_fee"), r.getString("alert_id"));
    }
}
