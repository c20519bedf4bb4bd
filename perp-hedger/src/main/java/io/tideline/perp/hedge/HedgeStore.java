package io.tideline.perp.hedge;

import io.tideline.events.TradeSide;
import io.tideline.messaging.sql.BlockingSql;
import io.tideline.perp.venue.VenueOrder;
import io.tideline.perp.venue.VenueTrade;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** SQL of hedges, their orders, fills and the LP facts they come from; every method runs in the caller's transaction. */
public final class HedgeStore {

    private static final String HEDGE_COLUMNS = "hedge_id, position_key, owner, pool, market, volatile_token,"
            + " volatile_decimals, status, lp_state, target_qty, open_qty, sold_value, bought_value, fees, next_step,"
            + " detail, created_at, updated_at";
    private static final String ORDER_COLUMNS = "order_key, hedge_id, position_key, step, generation, purpose,"
            + " external_id, venue, market, side, quantity, reduce_only, reference_price, state, venue_order_id,"
            + " venue_status, status_reason, filled_qty, average_price, fee, attempts, next_attempt_at, last_error,"
            + " retryable, created_at, updated_at";

    private final BlockingSql sql;

    public HedgeStore(Duration timeout) {
        this.sql = new BlockingSql(timeout);
    }

    // ---- LP facts

    public List<LpFact> unplannedFacts(SqlConnection c, int limit) {
        return list(c, "select id, event_id, position_key, event_type, payload::text from perp_lp_fact"
                + " where planned_at is null order by id limit $1 for update skip locked", Tuple.of(limit),
                r -> new LpFact(r.getLong(0), r.getUUID(1), r.getString(2), r.getString(3), r.getString(4)));
    }

    public void markPlanned(SqlConnection c, long factId, String error) {
        exec(c, "update perp_lp_fact set planned_at = now(), plan_error = $2 where id = $1", Tuple.of(factId, error));
    }

    // ---- hedges

    public Optional<Hedge> liveHedge(SqlConnection c, String positionKey) {
        return first(c, "select " + HEDGE_COLUMNS + " from perp_hedge where position_key = $1"
                + " and status in ('OPENING', 'OPEN', 'CLOSING')", Tuple.of(positionKey), HedgeStore::hedge);
    }

    /** The position's latest hedge, live or not. */
    public Optional<Hedge> latestHedge(SqlConnection c, String positionKey) {
        return first(c, "select " + HEDGE_COLUMNS + " from perp_hedge where position_key = $1"
                + " order by created_at desc limit 1", Tuple.of(positionKey), HedgeStore::hedge);
    }

    public Optional<Hedge> hedge(SqlConnection c, UUID hedgeId) {
        return first(c, "select " + HEDGE_COLUMNS + " from perp_hedge where hedge_id = $1", Tuple.of(hedgeId),
                HedgeStore::hedge);
    }

    public Optional<Hedge> hedgeForUpdate(SqlConnection c, UUID hedgeId) {
        return first(c, "select " + HEDGE_COLUMNS + " from perp_hedge where hedge_id = $1 for update",
                Tuple.of(hedgeId), HedgeStore::hedge);
    }

    public List<Hedge> hedges(SqlConnection c, String positionKey, String status, int limit) {
        return list(c, "select " + HEDGE_COLUMNS + " from perp_hedge where ($1::text is null or position_key = $1)"
                + " and ($2::text is null or status = $2) order by created_at desc limit $3",
                Tuple.of(positionKey, status, limit), HedgeStore::hedge);
    }

    /** Live hedges whose LP is gone and that have no order outstanding: their short is to be bought back. */
    public List<Hedge> hedgesToClose(SqlConnection c, int limit) {
        return list(c, "select " + HEDGE_COLUMNS + " from perp_hedge h where lp_state <> 'OPEN'"
                + " and status in ('OPENING', 'OPEN', 'CLOSING') and not exists (select 1 from perp_order o"
                + " where o.hedge_id = h.hedge_id and o.state in ('REQUESTED', 'SENDING', 'PENDING_LOOKUP'))"
                + " order by updated_at limit $1 for update skip locked", Tuple.of(limit), HedgeStore::hedge);
    }

    public void insertHedge(SqlConnection c, Hedge h) {
        exec(c, "insert into perp_hedge (" + HEDGE_COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
                + " $12, $13, $14, $15, $16, now(), now())", Tuple.tuple(Arrays.asList(h.hedgeId(), h.positionKey(),
                h.owner(), h.pool(), h.market(), h.volatileToken(), h.volatileDecimals(), h.status(), h.lpState(),
                h.targetQty(), h.openQty(), h.soldValue(), h.boughtValue(), h.fees(), h.nextStep(), h.detail())));
    }

    public void updateHedge(SqlConnection c, Hedge h) {
        exec(c, "update perp_hedge set status = $2, lp_state = $3, target_qty = $4, open_qty = $5, sold_value = $6,"
                + " bought_value = $7, fees = $8, next_step = $9, detail = $10, updated_at = now() where hedge_id = $1",
                Tuple.tuple(Arrays.asList(h.hedgeId(), h.status(), h.lpState(), h.targetQty(), h.openQty(),
                        h.soldValue(), h.boughtValue(), h.fees(), h.nextStep(), h.detail())));
    }

    // ---- orders

    public void insertOrder(SqlConnection c, HedgeOrder o) {
        exec(c, "insert into perp_order (order_key, hedge_id, position_key, step, generation, purpose, external_id,"
                + " venue, market, side, quantity, reduce_only, reference_price, state)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                Tuple.tuple(Arrays.asList(o.orderKey(), o.hedgeId(), o.positionKey(), o.step(), o.generation(),
                        o.purpose(), o.externalId(), o.venue(), o.market(), o.side().name(), o.quantity(),
                        o.reduceOnly(), o.referencePrice(), o.state())));
    }

    public List<HedgeOrder> orders(SqlConnection c, UUID hedgeId) {
        return list(c, "select " + ORDER_COLUMNS + " from perp_order where hedge_id = $1 order by step, generation",
                Tuple.of(hedgeId), HedgeStore::order);
    }

    public Optional<HedgeOrder> order(SqlConnection c, UUID orderKey) {
        return first(c, "select " + ORDER_COLUMNS + " from perp_order where order_key = $1", Tuple.of(orderKey),
                HedgeStore::order);
    }

    public List<HedgeOrder> ordersInState(SqlConnection c, String state, int limit) {
        return list(c, "select " + ORDER_COLUMNS + " from perp_order where state = $1 order by updated_at desc"
                + " limit $2", Tuple.of(state, limit), HedgeStore::order);
    }

    public boolean hasOutstandingOrders(SqlConnection c, UUID hedgeId) {
        return first(c, "select 1 from perp_order where hedge_id = $1 and state in ('REQUESTED', 'SENDING',"
                + " 'PENDING_LOOKUP') limit 1", Tuple.of(hedgeId), r -> true).isPresent();
    }

    public int rebalancesSince(SqlConnection c, UUID hedgeId, Instant since) {
        return first(c, "select count(*) from perp_order where hedge_id = $1 and purpose = 'REBALANCE'"
                + " and created_at >= $2", Tuple.of(hedgeId, utc(since)), r -> r.getLong(0).intValue()).orElse(0);
    }

    /**
     * Takes the next order that is due (to send, to recover after a crash or a failed send, or to look up again)
     * and reserves it for {@code lease}: another instance skips it until then.
     */
    public Optional<HedgeOrder> claimDueOrder(SqlConnection c, Duration lease) {
        Optional<HedgeOrder> due = first(c, "select " + ORDER_COLUMNS + " from perp_order where state in"
                + " ('REQUESTED', 'SENDING', 'PENDING_LOOKUP') and next_attempt_at <= now() order by next_attempt_at"
                + " limit 1 for update skip locked", Tuple.tuple(), HedgeStore::order);
        due.ifPresent(o -> exec(c, "update perp_order set next_attempt_at = now() + make_interval(secs => $2),"
                + " updated_at = now() where order_key = $1", Tuple.of(o.orderKey(), lease.toMillis() / 1000.0)));
        return due;
    }

    /** About to send (again): counts the attempt; from now on a lost answer means "look it up before resending". */
    public void markSending(SqlConnection c, UUID orderKey) {
        exec(c, "update perp_order set state = 'SENDING', attempts = attempts + 1, updated_at = now()"
                + " where order_key = $1", Tuple.of(orderKey));
    }

    public void markRetry(SqlConnection c, UUID orderKey, String error, Duration after) {
        exec(c, "update perp_order set state = 'SENDING', last_error = $2, retryable = true,"
                + " next_attempt_at = now() + make_interval(secs => $3), updated_at = now() where order_key = $1",
                Tuple.of(orderKey, error, after.toMillis() / 1000.0));
    }

    public void markPendingLookup(SqlConnection c, UUID orderKey, String venueOrderId, String note, Duration after) {
        exec(c, "update perp_order set state = 'PENDING_LOOKUP', venue_order_id = $2, last_error = $3,"
                + " next_attempt_at = now() + make_interval(secs => $4), updated_at = now() where order_key = $1",
                Tuple.of(orderKey, venueOrderId, note, after.toMillis() / 1000.0));
    }

    public void markFailed(SqlConnection c, UUID orderKey, String reason, boolean retryable, VenueOrder venue) {
        exec(c, "update perp_order set state = 'FAILED', last_error = $2, retryable = $3,"
                + " venue_order_id = coalesce($4, venue_order_id), venue_status = $5, status_reason = $6, raw = $7,"
                + " updated_at = now() where order_key = $1",
                Tuple.tuple(Arrays.asList(orderKey, reason, retryable, venue == null ? null : venue.orderId(),
                        venue == null ? null : venue.status(), venue == null ? null : venue.statusReason(),
                        venue == null ? null : raw(venue.raw()))));
    }

    public void markCancelled(SqlConnection c, UUID orderKey, String reason) {
        exec(c, "update perp_order set state = 'CANCELLED', last_error = $2, updated_at = now()"
                + " where order_key = $1 and state = 'REQUESTED'", Tuple.of(orderKey, reason));
    }

    public void markFilled(SqlConnection c, UUID orderKey, String venueOrderId, String venueStatus,
            String statusReason, BigDecimal filled, BigDecimal averagePrice, BigDecimal fee, String raw) {
        exec(c, "update perp_order set state = 'FILLED', venue_order_id = $2, venue_status = $3, status_reason = $4,"
                + " filled_qty = $5, average_price = $6, fee = $7, raw = $8, last_error = null, updated_at = now()"
                + " where order_key = $1", Tuple.tuple(Arrays.asList(orderKey, venueOrderId, venueStatus,
                statusReason, filled, averagePrice, fee, raw(raw))));
    }

    /** A failed order made due again under a new generation (new external id): the manual retry. */
    public void requeueAsNewGeneration(SqlConnection c, HedgeOrder failed, UUID newKey, String externalId) {
        exec(c, "insert into perp_order (order_key, hedge_id, position_key, step, generation, purpose, external_id,"
                + " venue, market, side, quantity, reduce_only, reference_price, state)"
                + " select $2, hedge_id, position_key, step, generation + 1, purpose, $3, venue, market, side,"
                + " quantity, reduce_only, reference_price, 'REQUESTED' from perp_order where order_key = $1",
                Tuple.of(failed.orderKey(), newKey, externalId));
    }

    // ---- fills

    /** Stores the fills of an order; a trade already stored (same venue trade id) is skipped. Returns those new. */
    public int insertTrades(SqlConnection c, HedgeOrder order, List<VenueTrade> trades) {
        if (trades.isEmpty()) {
            return 0;
        }
        List<Tuple> rows = new ArrayList<>();
        for (VenueTrade t : trades) {
            rows.add(Tuple.tuple(Arrays.asList(t.tradeId(), order.positionKey(), order.hedgeId(), t.orderId(),
                    order.externalId(), t.market(), t.side().name(), t.quantity(), t.price(), t.fee(),
                    utc(t.createdAt()), raw(t.raw() == null ? "{}" : t.raw()))));
        }
        int inserted = 0;
        for (Tuple row : rows) {
            inserted += sql.exec(c, "insert into perp_trades (trade_id, position_key, hedge_id, order_id,"
                    + " external_id, market, side, qty, price, fee, created_time, raw) values ($1, $2, $3, $4, $5,"
                    + " $6, $7, $8, $9, $10, $11, $12) on conflict (trade_id) do nothing", row);
        }
        return inserted;
    }

    public List<StoredTrade> trades(SqlConnection c, UUID hedgeId) {
        return list(c, "select trade_id, order_id, external_id, market, side, qty, price, fee, created_time"
                + " from perp_trades where hedge_id = $1 order by created_time, trade_id", Tuple.of(hedgeId),
                r -> new StoredTrade(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                        TradeSide.valueOf(r.getString(4)), r.getBigDecimal(5), r.getBigDecimal(6),
                        r.getBigDecimal(7), r.getOffsetDateTime(8).toInstant()));
    }

    /** A fill as stored in {@code perp_trades}. */
    public record StoredTrade(String tradeId, String orderId, String externalId, String market, TradeSide side,
                              BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant createdAt) {
    }

    // ---- pool prices (paper venue)

    public Optional<BigDecimal> poolPrice(SqlConnection c, String instrument) {
        return first(c, "select price from perp_pool_price where instrument = $1", Tuple.of(instrument),
                r -> r.getBigDecimal(0));
    }

    // ---- mapping

    private static Hedge hedge(Row r) {
        return new Hedge(r.getUUID("hedge_id"), r.getString("position_key"), r.getString("owner"),
                r.getString("pool"), r.getString("market"), r.getString("volatile_token"),
                r.getInteger("volatile_decimals"), r.getString("status"), r.getString("lp_state"),
                r.getBigDecimal("target_qty"), r.getBigDecimal("open_qty"), r.getBigDecimal("sold_value"),
                r.getBigDecimal("bought_value"), r.getBigDecimal("fees"), r.getInteger("next_step"),
                r.getString("detail"), r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("updated_at").toInstant());
    }

    private static HedgeOrder order(Row r) {
        return new HedgeOrder(r.getUUID("order_key"), r.getUUID("hedge_id"), r.getString("position_key"),
                r.getInteger("step"), r.getInteger("generation"), r.getString("purpose"), r.getString("external_id"),
                r.getString("venue"), r.getString("market"), TradeSide.valueOf(r.getString("side")),
                r.getBigDecimal("quantity"), r.getBoolean("reduce_only"), r.getBigDecimal("reference_price"),
                r.getString("state"), r.getString("venue_order_id"), r.getString("venue_status"),
                r.getString("status_reason"), r.getBigDecimal("filled_qty"), r.getBigDecimal("average_price"),
                r.getBigDecimal("fee"), r.getInteger("attempts"), r.getOffsetDateTime("next_attempt_at").toInstant(),
                r.getString("last_error"), r.getBoolean("retryable"), r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("updated_at").toInstant());
    }

    private static Object raw(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return new JsonObject(json);
        } catch (RuntimeException notAnObject) {
            return new JsonObject().put("text", json);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return BlockingSql.utc(instant);
    }

    private void exec(SqlConnection c, String statement, Tuple args) {
        sql.exec(c, statement, args);
    }

    private <T> List<T> list(SqlConnection c, String statement, Tuple args, Function<Row, T> mapper) {
        return sql.list(c, statement, args, mapper);
    }

    private <T> Optional<T> first(SqlConnection c, String statement, Tuple args, Function<Row, T> mapper) {
        return sql.first(c, statement, args, mapper);
    }
}
