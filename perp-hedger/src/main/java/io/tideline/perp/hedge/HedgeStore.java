package io.tideline.perp.hedge;

import io.tideline.events.TradeSide;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.perp.venue.VenueOrder;
import io.tideline.perp.venue.VenueTrade;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hedges' tables ({@code perp_hedge}, {@code perp_order}, {@code perp_trades}) as the planner and the executor
 * change them: every method runs in the caller's unit of work (writes, and reads that lock) or on the given reads.
 */
@ApplicationScoped
public class HedgeStore {

    static final String HEDGE_COLUMNS = "hedge_id, position_key, owner, pool, market, volatile_token,"
            + " volatile_decimals, status, lp_state, target_qty, open_qty, sold_value, bought_value, fees, next_step,"
            + " detail, correlation_id, created_at, updated_at";
    static final String ORDER_COLUMNS = "order_key, hedge_id, position_key, step, generation, purpose,"
            + " external_id, venue, market, side, quantity, reduce_only, reference_price, state, venue_order_id,"
            + " venue_status, status_reason, filled_qty, average_price, fee, attempts, next_attempt_at, last_error,"
            + " retryable, correlation_id, created_at, updated_at";
    private static final String LIVE = "('OPENING', 'OPEN', 'CLOSING')";
    private static final String OUTSTANDING = "('REQUESTED', 'SENDING', 'PENDING_LOOKUP')";

    // ---- hedges

    public Optional<Hedge> hedge(Sql sql, UUID hedgeId) {
        return sql.first("select " + HEDGE_COLUMNS + " from perp_hedge where hedge_id = $1", Tuple.of(hedgeId),
                HedgeStore::hedge);
    }

    public Optional<Hedge> hedgeForUpdate(UnitOfWork uow, UUID hedgeId) {
        return uow.first("select " + HEDGE_COLUMNS + " from perp_hedge where hedge_id = $1 for update",
                Tuple.of(hedgeId), HedgeStore::hedge);
    }

    /** The position's live hedge, else its latest one, locked for the unit of work. */
    public Optional<Hedge> currentHedgeForUpdate(UnitOfWork uow, String positionKey) {
        return uow.first("select " + HEDGE_COLUMNS + " from perp_hedge where position_key = $1"
                + " order by status in " + LIVE + " desc, created_at desc limit 1 for update", Tuple.of(positionKey),
                HedgeStore::hedge);
    }

    /** Live hedges whose LP is gone and that have no order outstanding: their short is to be bought back. */
    public List<Hedge> hedgesToClose(Sql sql, int limit) {
        return sql.list("select " + HEDGE_COLUMNS + " from perp_hedge h where lp_state <> 'OPEN'"
                + " and status in " + LIVE + " and not exists (select 1 from perp_order o"
                + " where o.hedge_id = h.hedge_id and o.state in " + OUTSTANDING + ")"
                + " order by updated_at limit $1", Tuple.of(limit), HedgeStore::hedge);
    }

    /** Live hedges holding a short on {@code market} (open quantity above zero), in hedge id order. */
    public List<Hedge> liveShortsOn(Sql sql, String market) {
        return sql.list("select " + HEDGE_COLUMNS + " from perp_hedge where market = $1 and status in " + LIVE
                + " and open_qty > 0 order by hedge_id", Tuple.of(market), HedgeStore::hedge);
    }

    /** The markets live hedges hold shorts on, each with its oldest such hedge's creation time. */
    public java.util.Map<String, Instant> liveShortMarkets(Sql sql) {
        java.util.Map<String, Instant> markets = new java.util.TreeMap<>();
        sql.list("select market, min(created_at) from perp_hedge where status in " + LIVE + " and open_qty > 0"
                + " group by market", Tuple.tuple(), r -> markets.put(r.getString(0),
                r.getOffsetDateTime(1).toInstant()));
        return markets;
    }

    public void insertHedge(UnitOfWork uow, Hedge h) {
        uow.exec("insert into perp_hedge (" + HEDGE_COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
                + " $11, $12, $13, $14, $15, $16, $17, now(), now())", Tuple.tuple(Arrays.asList(h.hedgeId(),
                h.positionKey(), h.owner(), h.pool(), h.market(), h.volatileToken(), h.volatileDecimals(),
                h.status().name(), h.lpState().name(), h.targetQty(), h.openQty(), h.soldValue(), h.boughtValue(),
                h.fees(), h.nextStep(), h.detail(), h.correlationId())));
    }

    public void updateHedge(UnitOfWork uow, Hedge h) {
        uow.exec("update perp_hedge set status = $2, lp_state = $3, target_qty = $4, open_qty = $5, sold_value = $6,"
                + " bought_value = $7, fees = $8, next_step = $9, detail = $10, correlation_id = $11,"
                + " updated_at = now() where hedge_id = $1", Tuple.tuple(Arrays.asList(h.hedgeId(),
                h.status().name(), h.lpState().name(), h.targetQty(), h.openQty(), h.soldValue(), h.boughtValue(),
                h.fees(), h.nextStep(), h.detail(), h.correlationId())));
    }

    // ---- orders

    public void insertOrder(UnitOfWork uow, HedgeOrder o) {
        uow.exec("insert into perp_order (order_key, hedge_id, position_key, step, generation, purpose, external_id,"
                + " venue, market, side, quantity, reduce_only, reference_price, state, correlation_id)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                Tuple.tuple(Arrays.asList(o.orderKey(), o.hedgeId(), o.positionKey(), o.step(), o.generation(),
                        o.purpose().name(), o.externalId(), o.venue(), o.market(), o.side().name(), o.quantity(),
                        o.reduceOnly(), o.referencePrice(), o.state().name(), o.correlationId())));
    }

    public List<HedgeOrder> orders(Sql sql, UUID hedgeId) {
        return sql.list("select " + ORDER_COLUMNS + " from perp_order where hedge_id = $1 order by step, generation",
                Tuple.of(hedgeId), HedgeStore::order);
    }

    public List<HedgeOrder> outstandingOrders(Sql sql, UUID hedgeId) {
        return sql.list("select " + ORDER_COLUMNS + " from perp_order where hedge_id = $1 and state in "
                + OUTSTANDING + " order by step, generation", Tuple.of(hedgeId), HedgeStore::order);
    }

    public Optional<HedgeOrder> order(Sql sql, UUID orderKey) {
        return sql.first("select " + ORDER_COLUMNS + " from perp_order where order_key = $1", Tuple.of(orderKey),
                HedgeStore::order);
    }

    /** Re-hedging orders of the hedge created since {@code since}. */
    public int rebalancesSince(Sql sql, UUID hedgeId, Instant since) {
        return sql.one("select count(*) from perp_order where hedge_id = $1 and purpose = 'REBALANCE'"
                + " and created_at >= $2", Tuple.of(hedgeId, Sql.utc(since)), r -> r.getLong(0).intValue());
    }

    /**
     * What the desk's live hedges other than {@code except} are short, in collateral: each one's target quantity at
     * its latest order's reference price. Takes the desk's notional lock first (held to the end of the unit of work),
     * so that two facts planned at once cannot both fit under the total cap.
     */
    public BigDecimal othersNotional(UnitOfWork uow, UUID except) {
        uow.one("select pg_advisory_xact_lock(hashtext('perp-hedger:desk-notional'))", Tuple.tuple(), r -> 0);
        return uow.one("select coalesce(sum(h.target_qty * o.reference_price), 0) from perp_hedge h"
                + " join lateral (select reference_price from perp_order where hedge_id = h.hedge_id"
                + " order by step desc, generation desc limit 1) o on true"
                + " where h.status in " + LIVE + " and h.hedge_id <> $1", Tuple.of(except), r -> r.getBigDecimal(0));
    }

    /**
     * Takes the next order that is due (to send, to recover after a crash or a failed send, or to look up again)
     * and reserves it for {@code lease}: another instance skips it until then.
     */
    public Optional<HedgeOrder> claimDueOrder(UnitOfWork uow, Duration lease) {
        Optional<HedgeOrder> due = uow.first("select " + ORDER_COLUMNS + " from perp_order where state in "
                + OUTSTANDING + " and next_attempt_at <= now() order by next_attempt_at limit 1 for update skip locked",
                Tuple.tuple(), HedgeStore::order);
        due.ifPresent(o -> uow.exec("update perp_order set next_attempt_at = now() + make_interval(secs => $2),"
                + " updated_at = now() where order_key = $1", Tuple.of(o.orderKey(), seconds(lease))));
        return due;
    }

    /** About to send (again): counts the attempt; from now on a lost answer means "look it up before resending". */
    public void markSending(UnitOfWork uow, UUID orderKey) {
        uow.exec("update perp_order set state = 'SENDING', attempts = attempts + 1, updated_at = now()"
                + " where order_key = $1", Tuple.of(orderKey));
    }

    public void markRetry(UnitOfWork uow, UUID orderKey, String error, Duration after) {
        uow.exec("update perp_order set state = 'SENDING', last_error = $2, retryable = true,"
                + " next_attempt_at = now() + make_interval(secs => $3), updated_at = now() where order_key = $1",
                Tuple.of(orderKey, error, seconds(after)));
    }

    public void markPendingLookup(UnitOfWork uow, UUID orderKey, String venueOrderId, String note, Duration after) {
        uow.exec("update perp_order set state = 'PENDING_LOOKUP', venue_order_id = $2, last_error = $3,"
                + " next_attempt_at = now() + make_interval(secs => $4), updated_at = now() where order_key = $1",
                Tuple.of(orderKey, venueOrderId, note, seconds(after)));
    }

    public void markFailed(UnitOfWork uow, UUID orderKey, String reason, boolean retryable, VenueOrder venue) {
        uow.exec("update perp_order set state = 'FAILED', last_error = $2, retryable = $3,"
                + " venue_order_id = coalesce($4, venue_order_id), venue_status = $5, status_reason = $6, raw = $7,"
                + " updated_at = now() where order_key = $1",
                Tuple.tuple(Arrays.asList(orderKey, reason, retryable, venue == null ? null : venue.orderId(),
                        venue == null ? null : venue.status(), venue == null ? null : venue.statusReason(),
                        venue == null ? null : raw(venue.raw()))));
    }

    public void markCancelled(UnitOfWork uow, UUID orderKey, String reason) {
        uow.exec("update perp_order set state = 'CANCELLED', last_error = $2, updated_at = now()"
                + " where order_key = $1 and state = 'REQUESTED'", Tuple.of(orderKey, reason));
    }

    public void markFilled(UnitOfWork uow, UUID orderKey, OrderOutcome outcome) {
        uow.exec("update perp_order set state = 'FILLED', venue_order_id = $2, venue_status = $3, status_reason = $4,"
                + " filled_qty = $5, average_price = $6, fee = $7, raw = $8, last_error = null, updated_at = now()"
                + " where order_key = $1", Tuple.tuple(Arrays.asList(orderKey, outcome.orderId(),
                outcome.venueStatus(), outcome.statusReason(), outcome.filled(), outcome.averagePrice(),
                outcome.fee(), raw(outcome.raw()))));
    }

    /** A failed order made due again under a new generation (new external id): the manual retry. */
    public void requeueAsNewGeneration(UnitOfWork uow, HedgeOrder failed, UUID newKey, String externalId) {
        uow.exec("insert into perp_order (order_key, hedge_id, position_key, step, generation, purpose, external_id,"
                + " venue, market, side, quantity, reduce_only, reference_price, state, correlation_id)"
                + " select $2, hedge_id, position_key, step, generation + 1, purpose, $3, venue, market, side,"
                + " quantity, reduce_only, reference_price, 'REQUESTED', correlation_id from perp_order"
                + " where order_key = $1", Tuple.of(failed.orderKey(), newKey, externalId));
    }

    // ---- fills

    /** Stores the fills of an order; a trade already stored (same venue trade id) is skipped. Returns those new. */
    public int insertTrades(UnitOfWork uow, HedgeOrder order, List<VenueTrade> trades) {
        List<Tuple> rows = new ArrayList<>();
        for (VenueTrade t : trades) {
            rows.add(Tuple.tuple(Arrays.asList(t.tradeId(), order.positionKey(), order.hedgeId(), t.orderId(),
                    order.externalId(), t.market(), t.side().name(), t.quantity(), t.price(), t.fee(),
                    Sql.utc(t.createdAt()), raw(t.raw() == null ? "{}" : t.raw()))));
        }
        return uow.batch("insert into perp_trades (trade_id, position_key, hedge_id, order_id, external_id, market,"
                + " side, qty, price, fee, created_time, raw) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
                + " $12) on conflict (trade_id) do nothing", rows);
    }

    // ---- mapping

    static Hedge hedge(Row r) {
        return new Hedge(r.getUUID("hedge_id"), r.getString("position_key"), r.getString("owner"),
                r.getString("pool"), r.getString("market"), r.getString("volatile_token"),
                r.getInteger("volatile_decimals"), HedgeStatus.valueOf(r.getString("status")),
                LpState.valueOf(r.getString("lp_state")), r.getBigDecimal("target_qty"), r.getBigDecimal("open_qty"),
                r.getBigDecimal("sold_value"), r.getBigDecimal("bought_value"), r.getBigDecimal("fees"),
                r.getInteger("next_step"), r.getString("detail"), r.getString("correlation_id"),
                Sql.instant(r, "created_at"), Sql.instant(r, "updated_at"));
    }

    static HedgeOrder order(Row r) {
        return new HedgeOrder(r.getUUID("order_key"), r.getUUID("hedge_id"), r.getString("position_key"),
                r.getInteger("step"), r.getInteger("generation"), OrderPurpose.valueOf(r.getString("purpose")),
                r.getString("external_id"), r.getString("venue"), r.getString("market"),
                TradeSide.valueOf(r.getString("side")), r.getBigDecimal("quantity"), r.getBoolean("reduce_only"),
                r.getBigDecimal("reference_price"), OrderState.valueOf(r.getString("state")),
                r.getString("venue_order_id"), r.getString("venue_status"), r.getString("status_reason"),
                r.getBigDecimal("filled_qty"), r.getBigDecimal("average_price"), r.getBigDecimal("fee"),
                r.getInteger("attempts"), Sql.instant(r, "next_attempt_at"), r.getString("last_error"),
                r.getBoolean("retryable"), r.getString("correlation_id"), Sql.instant(r, "created_at"),
                Sql.instant(r, "updated_at"));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
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
}
