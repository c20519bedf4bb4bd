package io.tideline.perp.venue.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tideline.events.TradeSide;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.perp.venue.MarketOrderRequest;
import io.tideline.perp.venue.MarketStats;
import io.tideline.perp.venue.PerpVenue;
import io.tideline.perp.venue.PlacedOrder;
import io.tideline.perp.venue.VenueOrder;
import io.tideline.perp.venue.VenuePosition;
import io.tideline.perp.venue.VenueRejectedException;
import io.tideline.perp.venue.VenueTrade;
import io.tideline.perp.venue.VenueUnavailableException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A venue for local runs and tests of the flow: market orders fill at once, in full, at the market's price from
 * {@link MarketPrices} (the pool's latest PriceObserved) made worse by the slippage, with a taker fee on the notional.
 * Reduce-only orders fill at most the open position and are rejected (REDUCE_ONLY_FAILED) when there is none; a
 * second order under the same external id is refused. Orders and fills are kept in PostgreSQL, so positions survive
 * a restart.
 */
public final class PaperVenue implements PerpVenue {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions tx;
    private final MarketPrices prices;
    private final BigDecimal slippage;
    private final BigDecimal feeRate;

    public PaperVenue(Transactions tx, MarketPrices prices, BigDecimal slippage, BigDecimal feeRate) {
        this.tx = tx;
        this.prices = prices;
        this.slippage = slippage;
        this.feeRate = feeRate;
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public PlacedOrder placeMarketOrder(MarketOrderRequest request) {
        BigDecimal price = prices.price(request.market()).orElseThrow(() -> new VenueUnavailableException(0,
                "no price for " + request.market() + " yet (waiting for the pool's PriceObserved)", null));
        BigDecimal fillPrice = request.side() == TradeSide.BUY
                ? price.multiply(BigDecimal.ONE.add(slippage)) : price.multiply(BigDecimal.ONE.subtract(slippage));
        fillPrice = fillPrice.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        BigDecimal filledPrice = fillPrice;
        return tx.run(c -> {
            if (c.first("select order_id from paper_order where external_id = $1", Tuple.of(request.externalId()),
                    r -> r).isPresent()) {
                throw new VenueRejectedException(400, "DUPLICATE_ORDER", "an order with external id "
                        + request.externalId() + " exists");
            }
            BigDecimal qty = request.quantity();
            String status = "FILLED";
            String reason = null;
            if (request.reduceOnly()) {
                BigDecimal held = signedPosition(c, request.market());
                boolean reduces = request.side() == TradeSide.BUY ? held.signum() < 0 : held.signum() > 0;
                BigDecimal room = reduces ? held.abs() : BigDecimal.ZERO;
                if (room.signum() == 0) {
                    status = "REJECTED";
                    reason = "REDUCE_ONLY_FAILED";
                    qty = BigDecimal.ZERO;
                } else {
                    qty = qty.min(room);
                }
            }
            long orderId = nextId(c);
            BigDecimal fee = qty.multiply(filledPrice).multiply(feeRate).setScale(8, RoundingMode.HALF_EVEN);
            c.exec("insert into paper_order (order_id, external_id, market, side, qty, price, reduce_only, status,"
                    + " status_reason, filled_qty, average_price, fee) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
                    + " $11, $12)", Tuple.tuple(Arrays.asList(orderId, request.externalId(), request.market(),
                    request.side().name(), request.quantity(), filledPrice, request.reduceOnly(), status, reason, qty,
                    qty.signum() > 0 ? filledPrice : null, fee)));
            if (qty.signum() > 0) {
                c.exec("insert into paper_trade (trade_id, order_id, market, side, qty, price, fee)"
                        + " values ($1, $2, $3, $4, $5, $6, $7)", Tuple.tuple(Arrays.asList(nextId(c), orderId,
                        request.market(), request.side().name(), qty, filledPrice, fee)));
            }
            return new PlacedOrder(Long.toString(orderId), request.externalId());
        });
    }

    @Override
    public Optional<VenueOrder> order(String orderId) {
        long id;
        try {
            id = Long.parseLong(orderId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return tx.reads().first("select * from paper_order where order_id = $1", Tuple.of(id), PaperVenue::order);
    }

    @Override
    public List<VenueOrder> ordersByExternalId(String externalId) {
        return tx.reads().list("select * from paper_order where external_id = $1", Tuple.of(externalId),
                PaperVenue::order);
    }

    @Override
    public List<VenueTrade> recentTrades(String market, int limit) {
        return tx.reads().list("select * from paper_trade where market = $1 order by trade_id desc limit $2",
                Tuple.of(market, limit), PaperVenue::trade);
    }

    @Override
    public Optional<VenuePosition> position(String market) {
        BigDecimal held = signedPosition(tx.reads(), market);
        if (held.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new VenuePosition(market, held.signum() < 0 ? TradeSide.SELL : TradeSide.BUY, held.abs(),
                null));
    }

    @Override
    public MarketStats marketStats(String market) {
        BigDecimal price = prices.price(market).orElseThrow(() -> new VenueUnavailableException(0,
                "no price for " + market + " yet", null));
        return new MarketStats(market, price.multiply(BigDecimal.ONE.subtract(slippage)),
                price.multiply(BigDecimal.ONE.add(slippage)), price);
    }

    private static BigDecimal signedPosition(Sql sql, String market) {
        return sql.one("select coalesce(sum(case side when 'BUY' then qty else -qty end), 0) from paper_trade"
                + " where market = $1", Tuple.of(market), r -> r.getBigDecimal(0));
    }

    private static long nextId(Sql sql) {
        return sql.one("select nextval('paper_id_seq')", Tuple.tuple(), r -> r.getLong(0));
    }

    private static VenueOrder order(Row r) {
        Instant created = r.getOffsetDateTime("created_at").toInstant();
        ObjectNode raw = JSON.createObjectNode();
        raw.put("id", r.getLong("order_id").toString()).put("externalId", r.getString("external_id"))
                .put("market", r.getString("market")).put("side", r.getString("side"))
                .put("qty", r.getBigDecimal("qty").toPlainString()).put("status", r.getString("status"))
                .put("filledQty", r.getBigDecimal("filled_qty").toPlainString())
                .put("payedFee", r.getBigDecimal("fee").toPlainString()).put("venue", "paper");
        return new VenueOrder(r.getLong("order_id").toString(), r.getString("external_id"), r.getString("market"),
                TradeSide.valueOf(r.getString("side")), r.getString("status"), r.getString("status_reason"),
                r.getBigDecimal("qty"), r.getBigDecimal("filled_qty"), r.getBigDecimal("average_price"),
                r.getBigDecimal("fee"), created, created, raw.toString());
    }

    private static VenueTrade trade(Row r) {
        ObjectNode raw = JSON.createObjectNode();
        raw.put("id", r.getLong("trade_id").toString()).put("orderId", r.getLong("order_id").toString())
                .put("market", r.getString("market")).put("side", r.getString("side"))
                .put("qty", r.getBigDecimal("qty").toPlainString())
                .put("price", r.getBigDecimal("price").toPlainString())
                .put("fee", r.getBigDecimal("fee").toPlainString()).put("venue", "paper");
        return new VenueTrade(r.getLong("trade_id").toString(), r.getLong("order_id").toString(),
                r.getString("market"), TradeSide.valueOf(r.getString("side")), r.getBigDecimal("qty"),
                r.getBigDecimal("price"), r.getBigDecimal("fee"), true,
                r.getOffsetDateTime("created_at").toInstant(), raw.toString());
    }
}
