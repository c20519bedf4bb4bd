package io.tideline.pnl.lots;

import io.tideline.events.pnl.CostBasisMethod;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.messaging.tx.SentRead;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.execution.Execution;
import io.tideline.pnl.execution.UserLocks;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lot tables ({@code pnl_lot}, {@code pnl_realization}, {@code pnl_lot_consumption}), the per-user daily totals
 * the leaderboard reads ({@code pnl_daily}) and the users' cost-basis methods: reads and writes of the books, in the
 * caller's unit of work. What to write is decided by {@link LotBook}.
 */
@ApplicationScoped
public class LotStore {

    private static final String LOT_COLUMNS = "lot_id, acquired_at, shares, remaining, price, fee, remaining_fee,"
            + " alert_id";
    private static final String OPEN_LOTS = "select " + LOT_COLUMNS + " from pnl_lot where user_id = $1 and venue = $2"
            + " and market = $3 and outcome = $4 and remaining > 0";
    private static final String METHOD = "select method from user_cost_basis where user_id = $1";

    /** A book: a user's position in one outcome of one market on one venue. */
    public record BookKey(String user, String venue, String market, String outcome) {

        public static BookKey of(Execution e) {
            return new BookKey(e.user(), e.venue(), e.market(), e.outcome());
        }
    }

    /** A stored realization and the method it was closed by. */
    public record Stored(UUID id, LotBook.Realization figures, CostBasisMethod method, Instant realizedAt) {
    }

    /**
     * Takes the user's lock ({@link UserLocks}) and counts a trade (or, with -1, uncounts it) for the leaderboard, in
     * one round trip.
     */
    public void lockUserAndCountTrade(UnitOfWork uow, String user, Instant at, int trades) {
        uow.send("with locked as (select pg_advisory_xact_lock(hashtextextended($1, 7)))"
                + " insert into pnl_daily (user_id, day, trades) select $2, $3, $4 from locked"
                + " on conflict (user_id, day) do update set trades = pnl_daily.trades + excluded.trades",
                Tuple.of(UserLocks.key(user), user, day(at), trades));
    }

    /** Opens the lot of a buy: all its shares and fee still to close. */
    public void openLot(UnitOfWork uow, Execution buy, String alertId) {
        uow.send("insert into pnl_lot (user_id, venue, market, outcome, execution_id, acquired_at, shares, remaining,"
                        + " price, fee, remaining_fee, alert_id) values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $9, $10)",
                Tuple.tuple(Arrays.asList(buy.user(), buy.venue(), buy.market(), buy.outcome(), buy.executionId(),
                        Sql.utc(buy.executedAt()), buy.shares(), buy.price(), buy.fee(), alertId)));
    }

    /**
     * Opens again the lot of a buy recorded again (its transaction mined again after a reorg): what sales closed of it
     * before the reorg stays closed, the rest is open again.
     */
    public void reopenLot(UnitOfWork uow, Execution buy, String alertId) {
        uow.send("update pnl_lot l set acquired_at = $2, shares = $3, price = $4, fee = $5, alert_id = $6,"
                + " remaining = greatest(0, $3 - coalesce(k.quantity, 0)),"
                + " remaining_fee = greatest(0, $5 - coalesce(k.fee, 0))"
                + " from (select sum(quantity) as quantity, sum(fee) as fee from pnl_lot_consumption c"
                + "   join pnl_lot o on o.lot_id = c.lot_id where o.execution_id = $1) k"
                + " where l.execution_id = $1", Tuple.tuple(Arrays.asList(buy.executionId(),
                        Sql.utc(buy.executedAt()), buy.shares(), buy.price(), buy.fee(), alertId)));
    }

    /** The book's lots with shares left. */
    public List<Lot> openLots(Sql sql, BookKey book) {
        return sql.list(OPEN_LOTS, openLotsOf(book), LotStore::lot);
    }

    /** {@link #openLots}, sent without waiting: it shares its round trip with the reads sent beside it. */
    public SentRead<Lot> sendOpenLots(UnitOfWork uow, BookKey book) {
        return uow.sendRead(OPEN_LOTS, openLotsOf(book), LotStore::lot);
    }

    private static Tuple openLotsOf(BookKey book) {
        return Tuple.of(book.user(), book.venue(), book.market(), book.outcome());
    }

    /** The books of a market with open lots, by user and outcome. */
    public List<BookKey> openBooksOfMarket(Sql sql, String venue, String market) {
        return sql.list("select distinct user_id, outcome from pnl_lot where venue = $1 and market = $2"
                + " and remaining > 0 order by user_id, outcome", Tuple.of(venue, market),
                r -> new BookKey(r.getString("user_id"), venue, market, r.getString("outcome")));
    }

    /**
     * Writes a realization: its row, which lots it consumed (so a reorg can give them back), the lots' new remaining
     * shares and fees, and the user's daily totals. Like every write here it is sent without waiting
     * ({@code UnitOfWork.send}): the unit of work's next read, or its commit, waits for the answers (ADR 0027).
     */
    public void saveRealization(UnitOfWork uow, UUID id, BookKey book, String closingId, Closing.Part part,
            CostBasisMethod method, PnlRealized.Reason reason, Instant at) {
        uow.send("insert into pnl_realization (realization_id, user_id, venue, market, outcome, closing_id, quantity,"
                        + " cost_basis, proceeds, fees, realized_pnl, method, reason, alert_id, realized_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                Tuple.tuple(Arrays.asList(id, book.user(), book.venue(), book.market(), book.outcome(), closingId,
                        part.quantity(), part.costBasis(), part.proceeds(), part.fees(), part.realizedPnl(),
                        method.name(), reason.name(), part.alertId(), Sql.utc(at))));
        List<Tuple> consumed = new ArrayList<>();
        List<Tuple> lots = new ArrayList<>();
        for (LotTake take : part.takes()) {
            consumed.add(Tuple.of(id, take.lot().lotId(), take.quantity(), take.fee()));
            lots.add(Tuple.of(take.lot().lotId(), take.quantity(), take.fee()));
        }
        uow.sendBatch("insert into pnl_lot_consumption (realization_id, lot_id, quantity, fee) values ($1, $2, $3, $4)",
                consumed);
        uow.sendBatch("update pnl_lot set remaining = remaining - $2, remaining_fee = remaining_fee - $3"
                + " where lot_id = $1", lots);
        LotBook.Realization figures = LotBook.Realization.of(part);
        addClose(uow, book.user(), at, figures.realizedPnl(), 1, figures.isWin() ? 1 : 0);
    }

    /** The realizations a closing made for one reason (e.g. a sale's), oldest first. */
    public List<Stored> realizationsOf(Sql sql, String closingId, PnlRealized.Reason reason) {
        return sql.list("select * from pnl_realization where closing_id = $1 and reason = $2 order by realized_at,"
                + " realization_id", Tuple.of(closingId, reason.name()), r -> new Stored(r.getUUID("realization_id"),
                new LotBook.Realization(r.getString("alert_id"), r.getBigDecimal("quantity"),
                        r.getBigDecimal("cost_basis"), r.getBigDecimal("proceeds"), r.getBigDecimal("fees"),
                        r.getBigDecimal("realized_pnl")), CostBasisMethod.valueOf(r.getString("method")),
                Sql.instant(r, "realized_at")));
    }

    /**
     * Undoes a realization: the shares and fees it consumed go back to their lots, its row goes, and the user's daily
     * totals of its day lose it.
     */
    public void undo(UnitOfWork uow, String user, Stored realization) {
        uow.send("update pnl_lot l set remaining = l.remaining + k.quantity, remaining_fee = l.remaining_fee + k.fee"
                + " from pnl_lot_consumption k where k.realization_id = $1 and k.lot_id = l.lot_id",
                Tuple.of(realization.id()));
        uow.send("delete from pnl_realization where realization_id = $1", Tuple.of(realization.id()));
        addClose(uow, user, realization.realizedAt(), realization.figures().realizedPnl().negate(), -1,
                realization.figures().isWin() ? -1 : 0);
    }

    /** The lot a buy opened, if any. */
    public Optional<Lot> lotOf(Sql sql, String executionId) {
        return sql.first("select " + LOT_COLUMNS + " from pnl_lot where execution_id = $1", Tuple.of(executionId),
                LotStore::lot);
    }

    /** How many realizations closed shares of a buy's lot. */
    public long closesOf(Sql sql, long lotId) {
        return sql.one("select count(*) from pnl_lot_consumption where lot_id = $1", Tuple.of(lotId),
                r -> r.getLong(0));
    }

    /** Takes what is still open out of a lot (a removed buy's). */
    public void withdraw(UnitOfWork uow, long lotId) {
        uow.send("update pnl_lot set remaining = 0, remaining_fee = 0 where lot_id = $1", Tuple.of(lotId));
    }

    /** The user's own cost-basis method, if they set one. */
    public Optional<CostBasisMethod> methodOf(Sql sql, String user) {
        return sql.first(METHOD, Tuple.of(user), LotStore::method);
    }

    /** {@link #methodOf}, sent without waiting: no row when the user has no method of their own. */
    public SentRead<CostBasisMethod> sendMethodOf(UnitOfWork uow, String user) {
        return uow.sendRead(METHOD, Tuple.of(user), LotStore::method);
    }

    private static CostBasisMethod method(Row r) {
        return CostBasisMethod.valueOf(r.getString(0));
    }

    public void setMethod(UnitOfWork uow, String user, CostBasisMethod method) {
        uow.send("insert into user_cost_basis (user_id, method) values ($1, $2)"
                + " on conflict (user_id) do update set method = excluded.method", Tuple.of(user, method.name()));
    }

    private static void addClose(UnitOfWork uow, String user, Instant at, BigDecimal pnl, int closes, int wins) {
        uow.send("insert into pnl_daily (user_id, day, realized_pnl, closes, wins) values ($1, $2, $3, $4, $5)"
                + " on conflict (user_id, day) do update set realized_pnl = pnl_daily.realized_pnl"
                + " + excluded.realized_pnl, closes = pnl_daily.closes + excluded.closes,"
                + " wins = pnl_daily.wins + excluded.wins", Tuple.of(user, day(at), pnl, closes, wins));
    }

    private static java.time.LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Lot lot(Row r) {
        return new Lot(r.getLong("lot_id"), Sql.instant(r, "acquired_at"), r.getBigDecimal("shares"),
                r.getBigDecimal("remaining"), r.getBigDecimal("price"), r.getBigDecimal("fee"),
                r.getBigDecimal("remaining_fee"), r.getString("alert_id"));
    }
}
