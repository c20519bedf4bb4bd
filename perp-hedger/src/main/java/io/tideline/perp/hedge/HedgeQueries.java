package io.tideline.perp.hedge;

import io.tideline.events.TradeSide;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the hedges API reads: hedges by position and status, one with its orders and fills, the failed orders. */
@ApplicationScoped
public class HedgeQueries {

    private final Sql sql;
    private final HedgeStore store;

    public HedgeQueries(Transactions transactions, HedgeStore store) {
        this.sql = transactions.reads();
        this.store = store;
    }

    /** A hedge with its orders and fills. */
    public record HedgeDetail(Hedge hedge, List<HedgeOrder> orders, List<Fill> fills) {
    }

    /** A failed order with the status and detail of its hedge. */
    public record FailedOrder(HedgeOrder order, HedgeStatus hedgeStatus, String hedgeDetail) {
    }

    /** A fill as stored in {@code perp_trades}. */
    public record Fill(String tradeId, String orderId, String externalId, String market, TradeSide side,
                       BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant createdAt) {
    }

    /** Hedges, newest first; null filters match all. */
    public List<Hedge> hedges(String positionKey, HedgeStatus status, int limit) {
        return sql.list("select " + HedgeStore.HEDGE_COLUMNS + " from perp_hedge"
                + " where ($1::text is null or position_key = $1) and ($2::text is null or status = $2)"
                + " order by created_at desc limit $3",
                Tuple.of(positionKey, status == null ? null : status.name(), limit), HedgeStore::hedge);
    }

    /**
     * The current hedge of each LP position (its newest), ordered by position key, a page at a time: the positions
     * after {@code afterKey} (null: from the first).
     */
    public List<Hedge> currentHedges(String afterKey, int limit) {
        return sql.list("select distinct on (position_key) " + HedgeStore.HEDGE_COLUMNS + " from perp_hedge"
                + " where ($1::text is null or position_key > $1)"
                + " order by position_key, created_at desc, hedge_id desc limit $2",
                Tuple.of(afterKey, limit), HedgeStore::hedge);
    }

    public Optional<HedgeDetail> detail(UUID hedgeId) {
        return store.hedge(sql, hedgeId).map(h -> new HedgeDetail(h, store.orders(sql, hedgeId), fills(hedgeId)));
    }

    /** Failed orders, newest first, with their hedge. */
    public List<FailedOrder> failedOrders(int limit) {
        return sql.list("select o.*, h.status as hedge_status, h.detail as hedge_detail from perp_order o"
                + " join perp_hedge h on h.hedge_id = o.hedge_id where o.state = 'FAILED'"
                + " order by o.updated_at desc limit $1", Tuple.of(limit),
                r -> new FailedOrder(HedgeStore.order(r), HedgeStatus.valueOf(r.getString("hedge_status")),
                        r.getString("hedge_detail")));
    }

    private List<Fill> fills(UUID hedgeId) {
        return sql.list("select trade_id, order_id, external_id, market, side, qty, price, fee, created_time"
                + " from perp_trades where hedge_id = $1 order by created_time, trade_id", Tuple.of(hedgeId),
                r -> new Fill(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                        TradeSide.valueOf(r.getString(4)), r.getBigDecimal(5), r.getBigDecimal(6),
                        r.getBigDecimal(7), Sql.instant(r, "created_time")));
    }
}
