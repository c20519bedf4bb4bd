package io.tideline.settlement.takeprofit;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.settlement.fill.FillLineage;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of buy positions and their take-profit orders: reads take a {@link Sql} (the pool, or a unit of work), writes
 * the caller's unit of work.
 */
@ApplicationScoped
public class TakeProfitStore {

    static final String COLUMNS = "t.client_order_id, t.fill_key, f.venue as fill_venue, f.order_id as fill_order_id,"
            + " f.trade_id as fill_id, t.session_id, t.pair, t.venue, t.side, t.tier, t.attempt, t.price, t.qty,"
            + " t.state, t.venue_order_id, t.filled_qty, t.replaces_client_order_id, t.replacement_client_order_id,"
            + " t.replacement_price, t.replacement_tier, t.replacement_attempt, t.detail, t.created_at, t.updated_at,"
            + " f.event_id as fill_event_id, f.correlation_id as fill_correlation_id";

    /** Open buy positions (bought, not yet sold by take-profit fills) with their live take-profit; %s: which. */
    private static final String POSITIONS = "select f.fill_key, f.session_id, f.pair, f.venue, f.order_id,"
            + " f.trade_id, f.price, f.qty, f.filled_at, f.event_id, f.correlation_id, coalesce(a.closed, 0) as closed,"
            + " coalesce(a.n, 0) as n, l.client_order_id, l.state, l.venue_order_id, l.tier, l.price as tp_price,"
            + " l.qty as tp_qty, l.filled_qty as tp_filled"
            + " from mm_fill f"
            + " left join lateral (select sum(t.filled_qty) as closed, count(*) as n from tp_order t"
            + " where t.fill_key = f.fill_key) a on true"
            + " left join tp_order l on l.fill_key = f.fill_key and l.state in ('PLACING', 'LIVE', 'REPLACING')"
            + " where %s and f.side = 'BUY' and f.qty > coalesce(a.closed, 0) order by %s";

    /** Open buy positions of a (session, pair) — bought and not yet sold by take-profit fills — oldest first. */
    public List<BuyPosition> openPositions(Sql sql, String sessionId, String pair) {
        return sql.list(POSITIONS.formatted("f.session_id = $1 and f.pair = $2", "f.filled_at, f.fill_key"),
                Tuple.of(sessionId, pair), TakeProfitStore::position);
    }

    /** Open positions of every (session, pair) of these sessions, for the stop-loss and the API. */
    public List<BuyPosition> openPositions(Sql sql, List<String> sessionIds, String pair) {
        return sql.list(POSITIONS.formatted("f.session_id = any($1) and ($2::text is null or f.pair = $2)",
                "f.session_id, f.pair, f.filled_at, f.fill_key"), Tuple.of(sessionIds.toArray(String[]::new), pair),
                TakeProfitStore::position);
    }

    /** Open positions of the sessions active since {@code since} (the latest {@code sessions} of them), for the API. */
    public List<BuyPosition> openPositionsActiveSince(Sql sql, Instant since, int sessions, String pair) {
        return sql.list(POSITIONS.formatted("f.session_id in (select session_id from mm_session where"
                + " last_activity_at >= $1 order by last_activity_at desc, session_id limit $2)"
                + " and ($3::text is null or f.pair = $3)", "f.session_id, f.pair, f.filled_at, f.fill_key"),
                Tuple.of(Sql.utc(since), sessions, pair), TakeProfitStore::position);
    }

    /** Unfinished take-profits (PLACING, LIVE, REPLACING) of a (session, pair). */
    public List<TakeProfitOrder> liveOrders(Sql sql, String sessionId, String pair) {
        return sql.list("select " + COLUMNS + " from tp_order t join mm_fill f on f.fill_key = t.fill_key"
                + " where t.session_id = $1 and t.pair = $2 and t.state in ('PLACING', 'LIVE', 'REPLACING')"
                + " order by t.created_at, t.client_order_id", Tuple.of(sessionId, pair), TakeProfitStore::order);
    }

    public List<TakeProfitOrder> orders(Sql sql, String sessionId, String pair, String state, int limit) {
        return sql.list("select " + COLUMNS + " from tp_order t join mm_fill f on f.fill_key = t.fill_key"
                + " where ($1::text is null or t.session_id = $1) and ($2::text is null or t.pair = $2)"
                + " and ($3::text is null or t.state = $3) order by t.created_at desc, t.client_order_id limit $4",
                Tuple.of(sessionId, pair, state, limit), TakeProfitStore::order);
    }

    public Optional<TakeProfitOrder> order(Sql sql, String clientOrderId) {
        return sql.first("select " + COLUMNS + " from tp_order t join mm_fill f on f.fill_key = t.fill_key"
                + " where t.client_order_id = $1", Tuple.of(clientOrderId), TakeProfitStore::order);
    }

    /**
     * Writes PLACING rows and forgets the balance shortfalls of their fills; returns the client order ids written (a
     * fill that has a live one, or an id that exists, is left out: that is a duplicate prevented).
     */
    public List<String> insertPlacing(UnitOfWork uow, List<SettlementPlan.NewTakeProfit> orders, String venue,
            UUID runId) {
        if (orders.isEmpty()) {
            return List.of();
        }
        int n = orders.size();
        String[] ids = new String[n];
        Long[] fills = new Long[n];
        String[] sessions = new String[n];
        String[] pairs = new String[n];
        Integer[] tiers = new Integer[n];
        Integer[] attempts = new Integer[n];
        String[] prices = new String[n];
        String[] quantities = new String[n];
        for (int i = 0; i < n; i++) {
            SettlementPlan.NewTakeProfit o = orders.get(i);
            ids[i] = o.clientOrderId();
            fills[i] = o.position().fillKey();
            sessions[i] = o.position().sessionId();
            pairs[i] = o.position().pair();
            tiers[i] = o.tier();
            attempts[i] = o.attempt();
            prices[i] = o.price().toPlainString();
            quantities[i] = o.quantity().toPlainString();
        }
        // One statement over arrays: far less work for PostgreSQL than one execution per row.
        return uow.list("with written as (insert into tp_order (client_order_id, fill_key, session_id, pair, venue,"
                + " side, tier, attempt, price, qty, state, run_id) select t.id, t.fill_key, t.session_id, t.pair, $9,"
                + " 'SELL', t.tier, t.attempt, t.price::numeric, t.qty::numeric, 'PLACING', $10 from unnest($1::text[],"
                + " $2::bigint[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[])"
                + " as t(id, fill_key, session_id, pair, tier, attempt, price, qty)"
                + " on conflict do nothing returning client_order_id, fill_key),"
                + " cleared as (delete from tp_shortfall s using written w where s.fill_key = w.fill_key)"
                + " select client_order_id from written", Tuple.from(Arrays.asList(ids, fills, sessions, pairs, tiers,
                attempts, prices, quantities, venue, runId)), r -> r.getString(0));
    }

    /** PLACING to LIVE; returns the ids changed (a row no longer PLACING was recorded by another instance). */
    public List<String> markLive(UnitOfWork uow, List<String[]> clientAndVenueIds) {
        if (clientAndVenueIds.isEmpty()) {
            return List.of();
        }
        String[] ids = clientAndVenueIds.stream().map(p -> p[0]).toArray(String[]::new);
        String[] venueIds = clientAndVenueIds.stream().map(p -> p[1]).toArray(String[]::new);
        return uow.list("update tp_order t set state = 'LIVE', venue_order_id = u.venue_order_id,"
                + " updated_at = now() from unnest($1::text[], $2::text[]) as u(id, venue_order_id)"
                + " where t.client_order_id = u.id and t.state = 'PLACING' returning t.client_order_id",
                Tuple.of(ids, venueIds), r -> r.getString(0));
    }

    public void markFailed(UnitOfWork uow, String clientOrderId, String detail) {
        uow.exec("update tp_order set state = 'FAILED', detail = $2, updated_at = now() where client_order_id = $1"
                + " and state in ('PLACING', 'LIVE')", Tuple.of(clientOrderId, detail));
    }

    /** Records (or updates) the balance shortfall that kept a fill's take-profit from being placed. */
    public void recordShortfall(UnitOfWork uow, HoldingLimit.Shortfall s, String venue, UUID runId) {
        BuyPosition p = s.takeProfit().position();
        uow.exec("insert into tp_shortfall (fill_key, session_id, pair, venue, needed_qty, held_qty, reason, run_id)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (fill_key) do update set"
                + " needed_qty = excluded.needed_qty, held_qty = excluded.held_qty, reason = excluded.reason,"
                + " run_id = excluded.run_id, venue = excluded.venue, recorded_at = now()",
                Tuple.from(Arrays.asList(p.fillKey(), p.sessionId(), p.pair(), venue, s.needed(), s.available(),
                        s.reason(), runId)));
    }

    /** Closes a row (FILLED, CANCELLED, REPLACED) with its filled quantity. */
    public void close(UnitOfWork uow, String clientOrderId, String state, BigDecimal filledQty, String detail) {
        uow.exec("update tp_order set state = $2, filled_qty = $3, detail = coalesce($4, detail),"
                + " updated_at = now() where client_order_id = $1", Tuple.of(clientOrderId, state, filledQty, detail));
    }

    public void setFilledQuantity(UnitOfWork uow, String clientOrderId, BigDecimal filledQty) {
        uow.exec("update tp_order set filled_qty = $2, updated_at = now() where client_order_id = $1",
                Tuple.of(clientOrderId, filledQty));
    }

    /** LIVE to REPLACING with the replacement's id and price; false when it was not LIVE any more. */
    public boolean startReplacing(UnitOfWork uow, String clientOrderId, String replacementId, BigDecimal price,
            int tier, int attempt) {
        return uow.exec("update tp_order set state = 'REPLACING', replacement_client_order_id = $2,"
                + " replacement_price = $3, replacement_tier = $4, replacement_attempt = $5, updated_at = now()"
                + " where client_order_id = $1 and state = 'LIVE'", Tuple.of(clientOrderId, replacementId, price, tier,
                attempt)) == 1;
    }

    /** Points a REPLACING row at another replacement (a post-only retry). */
    public void changeReplacement(UnitOfWork uow, String clientOrderId, String replacementId, BigDecimal price,
            int attempt) {
        uow.exec("update tp_order set replacement_client_order_id = $2, replacement_price = $3,"
                + " replacement_attempt = $4, updated_at = now() where client_order_id = $1 and state = 'REPLACING'",
                Tuple.of(clientOrderId, replacementId, price, attempt));
    }

    /** REPLACING back to LIVE: the replacement did not happen and the old order still rests. */
    public void abandonReplacing(UnitOfWork uow, String clientOrderId, String detail) {
        uow.exec("update tp_order set state = 'LIVE', replacement_client_order_id = null, replacement_price = null,"
                + " replacement_tier = null, replacement_attempt = null, detail = $2, updated_at = now() where client_order_id = $1"
                + " and state = 'REPLACING'", Tuple.of(clientOrderId, detail));
    }

    /** The replacement of {@code old}, as LIVE (or another state the venue reports). */
    public void insertReplacement(UnitOfWork uow, TakeProfitOrder old, String clientOrderId, int tier, int attempt,
            BigDecimal price, BigDecimal qty, String state, String venueOrderId, UUID runId) {
        uow.exec("insert into tp_order (client_order_id, fill_key, session_id, pair, venue, side, tier, attempt,"
                + " price, qty, state, venue_order_id, replaces_client_order_id, run_id) values ($1, $2, $3, $4, $5,"
                + " $6, $7, $8, $9, $10, $11, $12, $13, $14)", Tuple.from(Arrays.asList(clientOrderId, old.fillKey(),
                old.sessionId(), old.pair(), old.venue(), old.side(), tier, attempt, price, qty, state, venueOrderId,
                old.clientOrderId(), runId)));
    }

    /** A retry of a refused order under a new id, PLACING. */
    public boolean insertRetry(UnitOfWork uow, TakeProfitOrder refused, String clientOrderId, int attempt,
            BigDecimal price, UUID runId) {
        return uow.first("insert into tp_order (client_order_id, fill_key, session_id, pair, venue, side, tier,"
                + " attempt, price, qty, state, run_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'PLACING', $11)"
                + " on conflict do nothing returning client_order_id", Tuple.from(Arrays.asList(clientOrderId,
                refused.fillKey(), refused.sessionId(), refused.pair(), refused.venue(), refused.side(),
                refused.tier(), attempt, price, refused.quantity(), runId)), r -> r.getString(0)).isPresent();
    }

    public void retier(UnitOfWork uow, String clientOrderId, int tier) {
        uow.exec("update tp_order set tier = $2, updated_at = now() where client_order_id = $1 and state = 'LIVE'",
                Tuple.of(clientOrderId, tier));
    }

    /** Records a trade of a take-profit; true when it is new. */
    public boolean insertTrade(UnitOfWork uow, String venue, String tradeId, String clientOrderId, BigDecimal qty,
            BigDecimal price, BigDecimal fee, Instant at) {
        return uow.first("insert into tp_fill (venue, trade_id, client_order_id, qty, price, fee, filled_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning trade_id",
                Tuple.from(Arrays.asList(venue, tradeId, clientOrderId, qty, price, fee, Sql.utc(at))),
                r -> r.getString(0)).isPresent();
    }

    /** A row of {@link #POSITIONS}, by position (a run maps every open position: no lookups by column name). */
    private static BuyPosition position(Row r) {
        String live = r.getString(13);
        Optional<LiveTakeProfit> tp = live == null ? Optional.empty() : Optional.of(new LiveTakeProfit(live,
                r.getString(14), r.getString(15), r.getInteger(16), r.getBigDecimal(17), r.getBigDecimal(18),
                r.getBigDecimal(19)));
        String venue = r.getString(3);
        String orderId = r.getString(4);
        String tradeId = r.getString(5);
        return new BuyPosition(r.getLong(0), r.getString(1), r.getString(2), venue, orderId, tradeId,
                r.getBigDecimal(6), r.getBigDecimal(7), r.getOffsetDateTime(8).toInstant(), r.getBigDecimal(11),
                r.getLong(12).intValue(), tp, FillLineage.of(r.getUUID(9), r.getString(10), venue, orderId, tradeId));
    }

    static TakeProfitOrder order(Row r) {
        return new TakeProfitOrder(r.getString("client_order_id"), r.getLong("fill_key"), r.getString("fill_venue"),
                r.getString("fill_order_id"), r.getString("fill_id"), r.getString("session_id"), r.getString("pair"),
                r.getString("venue"), r.getString("side"), r.getInteger("tier"), r.getInteger("attempt"),
                r.getBigDecimal("price"), r.getBigDecimal("qty"), r.getString("state"), r.getString("venue_order_id"),
                r.getBigDecimal("filled_qty"), r.getString("replaces_client_order_id"),
                r.getString("replacement_client_order_id"), r.getBigDecimal("replacement_price"),
                r.getInteger("replacement_tier"), r.getInteger("replacement_attempt"), r.getString("detail"),
                Sql.instant(r, "created_at"), Sql.instant(r, "updated_at"), FillLineage.of(r.getUUID("fill_event_id"),
                r.getString("fill_correlation_id"), r.getString("fill_venue"), r.getString("fill_order_id"),
                r.getString("fill_id")));
    }
}
