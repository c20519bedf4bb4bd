package io.tideline.pnl.pnl;

import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.lots.PnlLedger;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The P&amp;L API's reads: a user's P&amp;L from the stored realizations and open lots. */
@ApplicationScoped
public class PnlQueries {

    private final Transactions transactions;
    private final PnlLedger ledger;

    public PnlQueries(Transactions transactions, PnlLedger ledger) {
        this.transactions = transactions;
        this.ledger = ledger;
    }

    public UserPnl ofUser(String user) {
        // One transaction, as a lock-taking writer commits a realization and its lots' changes together.
        return transactions.run(uow -> read(uow, user));
    }

    private UserPnl read(UnitOfWork uow, String user) {
        List<UserPnl.OpenPosition> positions = uow.list("select l.venue, l.market, l.outcome, l.alert_id,"
                + " sum(l.remaining) as shares, sum(l.remaining * l.price) as cost, sum(l.remaining_fee) as fees,"
                + " coalesce((select case when r.winning_outcome = l.outcome then 1 else 0 end"
                + "   from market_resolution r where r.venue = l.venue and r.market = l.market),"
                + "  (select e.price from execution e where e.venue = l.venue and e.market = l.market"
                + "   and e.outcome = l.outcome and not e.retracted order by e.executed_at desc,"
                + "   e.recorded_at desc limit 1)) as last_price"
                + " from pnl_lot l where l.user_id = $1 and l.remaining > 0"
                + " group by l.venue, l.market, l.outcome, l.alert_id order by l.venue, l.market, l.outcome",
                Tuple.of(user), PnlQueries::position);
        Map<String, BigDecimal[]> byVenue = new LinkedHashMap<>();
        Map<String, BigDecimal[]> byAlert = new LinkedHashMap<>();
        for (Row r : uow.list("select venue, alert_id, sum(realized_pnl) as pnl from pnl_realization"
                + " where user_id = $1 group by venue, alert_id order by venue, alert_id", Tuple.of(user), r -> r)) {
            add(byVenue, r.getString("venue"), 0, r.getBigDecimal("pnl"));
            add(byAlert, r.getString("alert_id"), 0, r.getBigDecimal("pnl"));
        }
        BigDecimal unrealized = BigDecimal.ZERO;
        for (UserPnl.OpenPosition p : positions) {
            add(byVenue, p.venue(), 1, p.unrealizedPnl());
            add(byAlert, p.alertId(), 1, p.unrealizedPnl());
            unrealized = unrealized.add(p.unrealizedPnl());
        }
        Row totals = uow.one("select coalesce(sum(realized_pnl), 0) as pnl, coalesce(sum(fees), 0) as fees,"
                + " count(*) as closes, count(*) filter (where realized_pnl > 0) as wins from pnl_realization"
                + " where user_id = $1", Tuple.of(user), r -> r);
        return new UserPnl(user, ledger.methodOf(uow, user), totals.getBigDecimal("pnl"), totals.getBigDecimal("fees"),
                totals.getLong("closes"), totals.getLong("wins"), unrealized, slices(byVenue), slices(byAlert),
                positions);
    }

    private static void add(Map<String, BigDecimal[]> slices, String key, int column, BigDecimal amount) {
        BigDecimal[] slice = slices.computeIfAbsent(key == null ? "" : key,
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        slice[column] = slice[column].add(amount);
    }

    private static List<UserPnl.Slice> slices(Map<String, BigDecimal[]> slices) {
        List<UserPnl.Slice> list = new ArrayList<>();
        slices.forEach((k, v) -> list.add(new UserPnl.Slice(k.isEmpty() ? null : k, v[0], v[1])));
        return list;
    }

    private static UserPnl.OpenPosition position(Row r) {
        BigDecimal shares = r.getBigDecimal("shares");
        BigDecimal cost = r.getBigDecimal("cost");
        BigDecimal fees = r.getBigDecimal("fees");
        BigDecimal last = r.getBigDecimal("last_price");
        BigDecimal unrealized = last == null ? BigDecimal.ZERO : shares.multiply(last).subtract(cost).subtract(fees);
        return new UserPnl.OpenPosition(r.getString("venue"), r.getString("market"), r.getString("outcome"),
                r.getString("alert_id"), shares, cost, fees, last, unrealized);
    }
}
