package io.tideline.settlement.venue.paper;

import io.tideline.events.TradeSide;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.pricing.PairCatalogue;
import io.tideline.settlement.venue.BestBidAsk;
import io.tideline.settlement.venue.MakerVenue;
import io.tideline.settlement.venue.PlaceOutcome;
import io.tideline.settlement.venue.PostOnlyOrder;
import io.tideline.settlement.venue.VenueOrder;
import io.tideline.settlement.venue.VenueTrade;
import io.tideline.settlement.venue.VenueUnavailableException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A venue for local runs, tests and benchmarks, kept in this service's database so that it survives restarts and is
 * shared by every instance: a book per pair (best bid and ask, set through {@code POST /api/v1/paper/prices} or from
 * market.prices), post-only orders that rest or are refused when they would cross, and resting orders that fill in
 * full at their limit once the bid reaches a sell (the ask a buy), with the pair's fee rate on the notional. A second
 * order under a client order id it knows is refused as {@link PlaceOutcome.AlreadyExists}. A halted pair answers
 * every call with {@link VenueUnavailableException}, as a venue in maintenance would.
 *
 * <p>Fills are applied when the book moves and, lazily, before the pair's orders are read.
 */
@ApplicationScoped
@Typed(PaperVenue.class) // the MakerVenue in use is the one tideline.settlement.venue names (ConfiguredVenue)
public class PaperVenue implements MakerVenue {

    /** The status reason of a post-only order refused because it would cross. */
    static final String WOULD_CROSS = "POST_ONLY_WOULD_CROSS";
    private static final String ORDER_COLUMNS = "order_id, client_order_id, pair, side, price, qty, filled_qty, status,"
            + " status_reason";
    private static final String SET_BOOK = "insert into paper_book (pair, bid, ask) values ($1, $2, $3)"
            + " on conflict (pair) do update set bid = excluded.bid, ask = excluded.ask, updated_at = now()";
    private static final String MATCH = "with book as (select bid, ask, updated_at from paper_book where pair = $1"
            + " and not halted), hit as (update paper_order o set status = 'FILLED', filled_qty = o.qty,"
            + " updated_at = now() from book where o.pair = $1 and o.status = 'OPEN' and ((o.side = 'SELL'"
            + " and o.price <= book.bid) or (o.side = 'BUY' and o.price >= book.ask))"
            + " returning o.order_id, o.qty, o.price, book.updated_at)"
            + " insert into paper_trade (trade_id, order_id, qty, price, fee, created_at)"
            + " select nextval('paper_id_seq'), order_id, qty, price, qty * price * $2, updated_at from hit";

    /**
     * A batch of post-only orders in one statement: each is checked against its pair's book (refused, REJECTED, when
     * it would cross), written under a new id unless its client order id is known, and answered in the batch's order:
     * whether its pair is halted (nothing is written then: the caller fails), the id and status it was written with
     * (null when it was known), the id it was known under.
     */
    private static final String PLACE = """
            with input as (
                select t.cid, t.pair, t.side, t.price::numeric as price, t.qty::numeric as qty, t.n
                from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                    with ordinality as t(cid, pair, side, price, qty, n)),
            priced as (
                select i.*, coalesce(b.halted, false) as halted, coalesce(b.bid > 0 and case when i.side = 'SELL'
                    then i.price <= b.bid else i.price >= b.ask end, false) as crosses
                from input i left join paper_book b on b.pair = i.pair),
            placed as (
                insert into paper_order (order_id, client_order_id, pair, side, price, qty, status, status_reason)
                select nextval('paper_id_seq'), p.cid, p.pair, p.side, p.price, p.qty,
                    case when p.crosses then 'REJECTED' else 'OPEN' end, case when p.crosses then $6 end
                from priced p where not p.halted order by p.n
                on conflict (client_order_id) do nothing
                returning client_order_id, order_id, status_reason)
            select p.cid, p.halted, p.pair, placed.order_id, placed.status_reason, known.order_id
            from priced p left join placed on placed.client_order_id = p.cid
                left join paper_order known on known.client_order_id = p.cid
            order by p.n""";

    private final Transactions transactions;
    private final Function<String, BigDecimal> feeRate;
    private final boolean supportsReplace;
    private final Duration latency;

    /** The service's paper venue, as configured ({@code tideline.settlement.paper.*}, the pairs' fee rates). */
    @Inject
    public PaperVenue(Transactions transactions, SettlementConfig config, PairCatalogue pairs) {
        this(transactions, pair -> pairs.rules(pair).feeRate(), config.paper().supportsReplace(),
                config.paper().latency());
    }

    /**
     * @param feeRate the fee rate charged on a pair's fills
     * @param latency how long each call that places orders takes to answer after the venue took them
     */
    public PaperVenue(Transactions transactions, Function<String, BigDecimal> feeRate, boolean supportsReplace,
            Duration latency) {
        this.transactions = transactions;
        this.feeRate = feeRate;
        this.supportsReplace = supportsReplace;
        this.latency = latency;
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public boolean supportsReplace() {
        return supportsReplace;
    }

    /** Moves a pair's book and fills what it crosses; the ask defaults to the bid. */
    public void setBook(String pair, BigDecimal bid, BigDecimal ask) {
        transactions.execute(uow -> {
            uow.exec(SET_BOOK, Tuple.of(pair, bid, ask));
            match(uow, pair);
        });
    }

    /**
     * A venue price seen on market.prices, as the pair's bid and ask, in the caller's unit of work; resting orders it
     * reaches fill when the pair's orders are next read.
     */
    public void quote(UnitOfWork uow, String pair, BigDecimal price) {
        uow.exec(SET_BOOK, Tuple.of(pair, price, price));
    }

    /** Halts or resumes a pair: while halted every call about it fails as an outage would. */
    public void setHalted(String pair, boolean halted) {
        transactions.execute(uow -> uow.exec("insert into paper_book (pair, bid, ask, halted) values ($1, 0, 0, $2)"
                + " on conflict (pair) do update set halted = excluded.halted, updated_at = now()",
                Tuple.of(pair, halted)));
    }

    @Override
    public List<PlaceOutcome> placePostOnly(List<PostOnlyOrder> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        int n = orders.size();
        String[][] columns = new String[5][n];
        for (int i = 0; i < n; i++) {
            PostOnlyOrder o = orders.get(i);
            columns[0][i] = o.clientOrderId();
            columns[1][i] = o.pair();
            columns[2][i] = o.side().name();
            columns[3][i] = o.price().toPlainString();
            columns[4][i] = o.quantity().toPlainString();
        }
        List<PlaceOutcome> outcomes = transactions.run(uow -> {
            List<PlaceOutcome> out = new ArrayList<>(n);
            uow.list(PLACE, Tuple.of(columns[0], columns[1], columns[2], columns[3], columns[4], WOULD_CROSS), r -> {
                String clientOrderId = r.getString(0);
                if (r.getBoolean(1)) {
                    throw new VenueUnavailableException("paper venue: " + r.getString(2) + " is halted");
                }
                Long placed = r.getLong(3);
                Long known = r.getLong(5);
                if (placed != null) {
                    out.add(WOULD_CROSS.equals(r.getString(4)) ? new PlaceOutcome.WouldCross(clientOrderId, WOULD_CROSS)
                            : new PlaceOutcome.Placed(clientOrderId, Long.toString(placed)));
                } else if (known != null) {
                    out.add(new PlaceOutcome.AlreadyExists(clientOrderId, Long.toString(known)));
                } else {
                    // taken by a placement that committed while this one ran: this batch fails, as a venue would
                    throw new VenueUnavailableException("paper venue: " + clientOrderId + " was being placed at the"
                            + " same time by another call");
                }
                return null;
            });
            return out;
        });
        answerLatency();
        return outcomes;
    }

    @Override
    public PlaceOutcome replace(String pair, String venueOrderId, String replacedClientOrderId,
            PostOnlyOrder replacement) {
        if (!supportsReplace) {
            throw new UnsupportedOperationException("the paper venue is configured without replace");
        }
        PlaceOutcome outcome = transactions.run(uow -> {
            Optional<BestBidAsk> book = book(uow, pair);
            match(uow, pair);
            Optional<String> status = uow.first("select status from paper_order where order_id = $1 and pair = $2"
                    + " for update", Tuple.of(parseId(venueOrderId), pair), r -> r.getString(0));
            if (status.isEmpty() || !"OPEN".equals(status.get())) {
                return new PlaceOutcome.Rejected(replacement.clientOrderId(), "order " + venueOrderId + " is "
                        + status.orElse("unknown") + ", not open");
            }
            Optional<String> existing = uow.first("select order_id from paper_order where client_order_id = $1",
                    Tuple.of(replacement.clientOrderId()), r -> Long.toString(r.getLong(0)));
            if (existing.isPresent()) {
                return new PlaceOutcome.AlreadyExists(replacement.clientOrderId(), existing.get());
            }
            if (crosses(book, replacement.side(), replacement.price())) {
                return new PlaceOutcome.WouldCross(replacement.clientOrderId(), WOULD_CROSS);
            }
            long id = nextId(uow);
            uow.exec("insert into paper_order (order_id, client_order_id, pair, side, price, qty, status) values"
                    + " ($1, $2, $3, $4, $5, $6, 'OPEN')", Tuple.from(List.of(id, replacement.clientOrderId(), pair,
                    replacement.side().name(), replacement.price(), replacement.quantity())));
            uow.exec("update paper_order set status = 'CANCELLED', status_reason = 'REPLACED', replaced_by = $2,"
                    + " updated_at = now() where order_id = $1", Tuple.of(parseId(venueOrderId),
                    Long.toString(id)));
            return new PlaceOutcome.Placed(replacement.clientOrderId(), Long.toString(id));
        });
        answerLatency();
        return outcome;
    }

    @Override
    public boolean cancel(String pair, String venueOrderId) {
        return transactions.run(uow -> {
            book(uow, pair);
            match(uow, pair);
            return uow.exec("update paper_order set status = 'CANCELLED', updated_at = now() where order_id = $1"
                    + " and status = 'OPEN'", Tuple.of(parseId(venueOrderId))) == 1;
        });
    }

    @Override
    public List<VenueOrder> openOrders(String pair) {
        return transactions.run(uow -> {
            book(uow, pair);
            match(uow, pair);
            return uow.list("select " + ORDER_COLUMNS + " from paper_order where pair = $1 and status = 'OPEN'",
                    Tuple.of(pair), r -> order(r, List.of()));
        });
    }

    @Override
    public List<VenueOrder> ordersByClientOrderId(String pair, Collection<String> clientOrderIds) {
        if (clientOrderIds.isEmpty()) {
            return List.of();
        }
        return transactions.run(uow -> {
            book(uow, pair);
            match(uow, pair);
            String[] ids = clientOrderIds.toArray(String[]::new);
            Map<Long, List<VenueTrade>> trades = new HashMap<>();
            uow.list("select t.order_id, t.trade_id, t.qty, t.price, t.fee, t.created_at from paper_trade t"
                    + " join paper_order o on o.order_id = t.order_id where o.client_order_id = any($1)"
                    + " order by t.trade_id", Tuple.of(ids), r -> trades.computeIfAbsent(r.getLong(0),
                    k -> new ArrayList<>()).add(new VenueTrade(Long.toString(r.getLong(1)), r.getBigDecimal(2),
                    r.getBigDecimal(3), r.getBigDecimal(4), r.getOffsetDateTime(5).toInstant())));
            return uow.list("select " + ORDER_COLUMNS + " from paper_order where client_order_id = any($1)",
                    Tuple.of(ids), r -> order(r, trades.getOrDefault(r.getLong(0), List.of())));
        });
    }

    @Override
    public Optional<BestBidAsk> bestBidAsk(String pair) {
        return book(transactions.reads(), pair);
    }

    @Override
    public Map<String, BestBidAsk> bestBidAsks(Collection<String> pairs) {
        Map<String, BestBidAsk> books = new HashMap<>();
        if (pairs.isEmpty()) {
            return books;
        }
        transactions.reads().list("select pair, bid, ask from paper_book where pair = any($1) and not halted"
                + " and bid > 0", Tuple.of(pairs.toArray(String[]::new)), r -> books.put(r.getString(0),
                new BestBidAsk(r.getBigDecimal(1), r.getBigDecimal(2))));
        return books;
    }

    /** The orders of a pair (or all), newest first, for the paper venue's API. */
    public List<VenueOrder> orders(String pair, int limit) {
        return transactions.run(uow -> {
            if (pair != null) {
                match(uow, pair);
            }
            return uow.list("select " + ORDER_COLUMNS + " from paper_order where ($1::text is null or pair = $1)"
                    + " order by order_id desc limit $2", Tuple.of(pair, limit), r -> order(r, List.of()));
        });
    }

    private static Optional<BestBidAsk> book(Sql sql, String pair) {
        Optional<Row> row = sql.first("select bid, ask, halted from paper_book where pair = $1", Tuple.of(pair),
                r -> r);
        if (row.isPresent() && Boolean.TRUE.equals(row.get().getBoolean("halted"))) {
            throw new VenueUnavailableException("paper venue: " + pair + " is halted");
        }
        return row.filter(r -> r.getBigDecimal("bid").signum() > 0)
                .map(r -> new BestBidAsk(r.getBigDecimal("bid"), r.getBigDecimal("ask")));
    }

    private void match(UnitOfWork uow, String pair) {
        uow.exec(MATCH, Tuple.of(pair, feeRate.apply(pair)));
    }

    private static boolean crosses(Optional<BestBidAsk> book, TradeSide side, BigDecimal price) {
        return book.map(b -> side == TradeSide.SELL ? price.compareTo(b.bid()) <= 0 : price.compareTo(b.ask()) >= 0)
                .orElse(false);
    }

    private static long nextId(UnitOfWork uow) {
        return uow.first("select nextval('paper_id_seq')", Tuple.tuple(), r -> r.getLong(0)).orElseThrow();
    }

    private static long parseId(String venueOrderId) {
        try {
            return Long.parseLong(venueOrderId);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void answerLatency() {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueUnavailableException("interrupted while waiting for the paper venue's answer");
        }
    }

    private static VenueOrder order(Row r, List<VenueTrade> trades) {
        return new VenueOrder(Long.toString(r.getLong("order_id")), r.getString("client_order_id"),
                r.getString("pair"), TradeSide.valueOf(r.getString("side")), r.getBigDecimal("price"),
                r.getBigDecimal("qty"), r.getBigDecimal("filled_qty"), VenueOrder.Status.valueOf(r.getString("status")),
                r.getString("status_reason"), trades);
    }
}
