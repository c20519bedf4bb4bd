package io.tideline.settlement.run;

import io.tideline.events.EventEnvelope;
import io.tideline.events.TradeSide;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.pricing.PairRules;
import io.tideline.settlement.pricing.TakeProfitPricing;
import io.tideline.settlement.session.SessionStore.SessionPair;
import io.tideline.settlement.takeprofit.BuyPosition;
import io.tideline.settlement.takeprofit.HoldingLimit;
import io.tideline.settlement.takeprofit.SettlementEvents;
import io.tideline.settlement.takeprofit.SettlementPlan;
import io.tideline.settlement.takeprofit.SettlementPlanner;
import io.tideline.settlement.takeprofit.TakeProfitOrder;
import io.tideline.settlement.takeprofit.TakeProfitStore;
import io.tideline.settlement.venue.BestBidAsk;
import io.tideline.settlement.venue.MakerVenue;
import io.tideline.settlement.venue.PlaceOutcome;
import io.tideline.settlement.venue.PostOnlyOrder;
import io.tideline.settlement.venue.VenueOrder;
import io.tideline.settlement.venue.VenueTrade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Settles one (session, pair), with its lock held by the caller:
 * <ol>
 *   <li>reconciles the unfinished take-profits with the venue: fills recorded (TakeProfitFilled), orders a crash left
 *       PLACING or REPLACING found again by client order id and recorded instead of sent again;</li>
 *   <li>plans from the open positions ({@link SettlementPlanner}) and, on a venue that keeps balances, keeps the new
 *       take-profits within what the account holds ({@link HoldingLimit}): a shortfall is recorded and its
 *       PositionUncovered carries the reason;</li>
 *   <li>writes the new take-profits as PLACING with the PositionUncovered events, in one transaction, before the venue
 *       is called: a row that cannot be written (the fill has a live take-profit, the id exists) is a duplicate
 *       prevented;</li>
 *   <li>places them post-only in batches, re-pricing one tick above the best bid and retrying once when one would
 *       cross, and records each batch with its TakeProfitPlaced events in one transaction;</li>
 *   <li>re-prices the take-profits whose position moved into an older tier (replace, or cancel then place).</li>
 * </ol>
 * Before each step that writes or calls the venue it checks that the pair's lock is still held, and stops if not.
 */
@ApplicationScoped
public class PairSettler {

    private static final Logger LOG = Logger.getLogger(PairSettler.class);

    private final Transactions transactions;
    private final TakeProfitStore store;
    private final MakerVenue venue;
    private final SettlementPlanner planner;
    private final SettlementEvents events;
    private final int batchSize;
    private final Clock clock;

    @Inject
    public PairSettler(Transactions transactions, TakeProfitStore store, MakerVenue venue, SettlementPlanner planner,
            SettlementEvents events, SettlementConfig config, Clock clock) {
        this(transactions, store, venue, planner, events, config.run().venueBatchSize(), clock);
    }

    /** @param batchSize orders per venue call and per unit of work recording them */
    public PairSettler(Transactions transactions, TakeProfitStore store, MakerVenue venue, SettlementPlanner planner,
            SettlementEvents events, int batchSize, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.venue = venue;
        this.planner = planner;
        this.events = events;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Settles a (session, pair) without its lock: a dry run, or a test of what holds without the lock. */
    public PairOutcome settle(SessionPair sp, PairRules rules, boolean stopped, UUID runId, boolean dryRun) {
        return settle(sp, rules, stopped, runId, dryRun, null);
    }

    /**
     * Settles a (session, pair) under its lock.
     *
     * @throws PairLockLostException when the lock's connection ended on the way (what was done before stays recorded)
     */
    public PairOutcome settle(SessionPair sp, PairRules rules, boolean stopped, UUID runId, boolean dryRun,
            PairLock lock) {
        PairOutcome out = new PairOutcome();
        List<TakeProfitOrder> resend = dryRun ? List.of() : reconcile(sp, out, true, lock);
        List<BuyPosition> positions = store.openPositions(transactions.reads(), sp.sessionId(), sp.pair());
        SettlementPlan plan = planner.plan(positions, rules, clock.instant(), stopped);
        out.uncovered += plan.uncovered().size();
        if (!plan.toPlace().isEmpty()) {
            ensureHeld(lock);
        }
        HoldingLimit.Split split = withinHolding(sp, plan.toPlace(), resend, out);
        if (dryRun) {
            out.covered += split.placeable().size();
            out.placed += split.placeable().size();
            out.replaced += plan.toReprice().size();
            return out;
        }
        List<TakeProfitOrder> toSend = new ArrayList<>(resend);
        if (!plan.isEmpty()) {
            ensureHeld(lock);
            List<SettlementPlan.NewTakeProfit> placeable = split.placeable();
            Map<Long, HoldingLimit.Shortfall> shortOf = new HashMap<>();
            split.shortfalls().forEach(f -> shortOf.put(f.takeProfit().position().fillKey(), f));
            toSend.addAll(transactions.run(uow -> {
                List<String> written = store.insertPlacing(uow, placeable, venue.name(), runId);
                for (SettlementPlan.Retier r : plan.toRetier()) {
                    store.retier(uow, r.current().clientOrderId(), r.tier());
                }
                uow.publishAll(plan.uncovered().stream().map(u -> {
                    HoldingLimit.Shortfall f = shortOf.get(u.position().fillKey());
                    return f == null ? events.uncovered(u) : events.uncovered(u, f.reason());
                }).toList());
                for (HoldingLimit.Shortfall f : split.shortfalls()) {
                    store.recordShortfall(uow, f, venue.name(), runId);
                }
                out.duplicatesPrevented += placeable.size() - written.size();
                Set<String> ids = new HashSet<>(written);
                return placeable.stream().filter(n -> ids.contains(n.clientOrderId()))
                        .map(n -> placing(n, venue.name())).toList();
            }));
            if (!split.shortfalls().isEmpty()) {
                LOG.warnf("%s %s: %d take-profit(s) not placed, the venue account holds too little: %s",
                        sp.sessionId(), sp.pair(), split.shortfalls().size(), split.shortfalls().get(0).reason());
            }
        }
        for (int from = 0; from < toSend.size(); from += batchSize) {
            ensureHeld(lock);
            send(toSend.subList(from, Math.min(toSend.size(), from + batchSize)), rules, runId, out, true);
        }
        for (SettlementPlan.Reprice r : plan.toReprice()) {
            ensureHeld(lock);
            reprice(sp, r, rules, runId, out);
        }
        return out;
    }

    // ---- placing

    private void send(List<TakeProfitOrder> batch, PairRules rules, UUID runId, PairOutcome out, boolean mayRetry) {
        List<PlaceOutcome> outcomes = timed(out, () -> venue.placePostOnly(batch.stream().map(o -> new PostOnlyOrder(
                o.clientOrderId(), o.pair(), TradeSide.SELL, o.price(), o.quantity())).toList()));
        List<TakeProfitOrder> crossed = new ArrayList<>();
        transactions.execute(uow -> {
            List<String[]> live = new ArrayList<>();
            Map<String, TakeProfitOrder> byId = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                TakeProfitOrder o = batch.get(i);
                byId.put(o.clientOrderId(), o);
                PlaceOutcome outcome = outcomes.get(i);
                if (outcome instanceof PlaceOutcome.Placed p) {
                    live.add(new String[] {o.clientOrderId(), p.venueOrderId()});
                    out.placed++;
                } else if (outcome instanceof PlaceOutcome.AlreadyExists e) {
                    live.add(new String[] {o.clientOrderId(), e.venueOrderId()});
                    out.duplicatesPrevented++;
                } else if (outcome instanceof PlaceOutcome.WouldCross c && mayRetry) {
                    store.markFailed(uow, o.clientOrderId(), "post-only at " + o.price().toPlainString()
                            + " would cross (" + c.venueCode() + "); re-priced one tick above the best bid");
                    crossed.add(o);
                } else {
                    String reason = outcome instanceof PlaceOutcome.Rejected r ? r.reason()
                            : "post-only would cross again after re-pricing";
                    store.markFailed(uow, o.clientOrderId(), reason);
                    out.failed++;
                }
            }
            List<EventEnvelope<?>> placed = new ArrayList<>();
            Map<String, String> venueIds = new HashMap<>();
            live.forEach(l -> venueIds.put(l[0], l[1]));
            for (String id : store.markLive(uow, live)) {
                TakeProfitOrder o = byId.get(id);
                placed.add(events.placed(o, id, venueIds.get(id), o.price(), o.quantity(), o.tier(), null));
                out.covered++;
            }
            uow.publishAll(placed);
        });
        if (crossed.isEmpty()) {
            return;
        }
        BigDecimal floor = aboveBestBid(crossed.get(0).pair(), rules, out);
        List<TakeProfitOrder> retries = transactions.run(uow -> {
            List<TakeProfitOrder> written = new ArrayList<>();
            for (TakeProfitOrder o : crossed) {
                BigDecimal price = floor == null ? o.price() : o.price().max(floor);
                int attempt = o.attempt() + 1;
                String id = o.idFor(o.tier(), attempt);
                if (store.insertRetry(uow, o, id, attempt, price, runId)) {
                    written.add(retry(o, id, attempt, price));
                } else {
                    out.duplicatesPrevented++;
                }
            }
            return written;
        });
        if (!retries.isEmpty()) {
            send(retries, rules, runId, out, false);
        }
    }

    /**
     * The new take-profits the venue account can cover: all of them on a venue that keeps no balances; else within
     * what it holds and does not already offer, less what this run re-sends of orders a crash left unplaced.
     */
    private HoldingLimit.Split withinHolding(SessionPair sp, List<SettlementPlan.NewTakeProfit> toPlace,
            List<TakeProfitOrder> resend, PairOutcome out) {
        if (toPlace.isEmpty()) {
            return new HoldingLimit.Split(toPlace, List.of());
        }
        Optional<BigDecimal> sellable = timed(out, () -> venue.sellableQuantity(sp.pair()));
        if (sellable.isEmpty()) {
            return new HoldingLimit.Split(toPlace, List.of());
        }
        BigDecimal resent = resend.stream().map(TakeProfitOrder::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return HoldingLimit.split(toPlace, sellable.get().subtract(resent));
    }

    private BigDecimal aboveBestBid(String pair, PairRules rules, PairOutcome out) {
        Optional<BestBidAsk> book = timed(out, () -> venue.bestBidAsk(pair));
        return book.map(b -> TakeProfitPricing.oneTickAbove(b.bid(), rules.tickSize())).orElse(null);
    }

    // ---- re-pricing for an older tier

    private void reprice(SessionPair sp, SettlementPlan.Reprice r, PairRules rules, UUID runId, PairOutcome out) {
        if (!transactions.run(uow -> store.startReplacing(uow, r.current().clientOrderId(), r.clientOrderId(),
                r.price(), r.tier(), r.attempt()))) {
            return;
        }
        TakeProfitOrder old = store.order(transactions.reads(), r.current().clientOrderId()).orElseThrow();
        String id = r.clientOrderId();
        BigDecimal price = r.price();
        int attempt = r.attempt();
        boolean cancelled = false;
        PlaceOutcome outcome;
        for (int tries = 0; ; tries++) {
            PostOnlyOrder order = new PostOnlyOrder(id, sp.pair(), TradeSide.SELL, price, old.remaining());
            if (venue.supportsReplace()) {
                outcome = timed(out, () -> venue.replace(sp.pair(), old.venueOrderId(), old.clientOrderId(), order));
            } else {
                if (!cancelled) {
                    cancelled = timed(out, () -> venue.cancel(sp.pair(), old.venueOrderId()));
                    if (!cancelled) {
                        outcome = new PlaceOutcome.Rejected(id, "order " + old.venueOrderId() + " is no longer open");
                        break;
                    }
                }
                outcome = timed(out, () -> venue.placePostOnly(List.of(order))).get(0);
            }
            if (!(outcome instanceof PlaceOutcome.WouldCross) || tries == 1) {
                break;
            }
            BigDecimal floor = aboveBestBid(sp.pair(), rules, out);
            price = floor == null ? price : price.max(floor);
            attempt++;
            id = old.idFor(r.tier(), attempt);
            String retryId = id;
            BigDecimal retryPrice = price;
            int retryAttempt = attempt;
            transactions.execute(uow -> store.changeReplacement(uow, old.clientOrderId(), retryId, retryPrice,
                    retryAttempt));
        }
        PlaceOutcome result = outcome;
        String finalId = id;
        BigDecimal finalPrice = price;
        int finalAttempt = attempt;
        boolean oldCancelled = cancelled;
        transactions.execute(uow -> {
            String venueOrderId = result instanceof PlaceOutcome.Placed p ? p.venueOrderId()
                    : result instanceof PlaceOutcome.AlreadyExists e ? e.venueOrderId() : null;
            if (venueOrderId != null) {
                store.close(uow, old.clientOrderId(), "REPLACED", old.filledQuantity(), null);
                store.insertReplacement(uow, old, finalId, r.tier(), finalAttempt, finalPrice, old.remaining(), "LIVE",
                        venueOrderId, runId);
                uow.publish(events.placed(old, finalId, venueOrderId, finalPrice, old.remaining(), r.tier(),
                        old.clientOrderId()));
                out.replaced++;
                if (result instanceof PlaceOutcome.AlreadyExists) {
                    out.duplicatesPrevented++;
                }
            } else {
                String reason = result instanceof PlaceOutcome.Rejected rej ? rej.reason()
                        : "post-only would cross again after re-pricing";
                if (oldCancelled) {
                    store.close(uow, old.clientOrderId(), "CANCELLED", old.filledQuantity(),
                            "cancelled to re-price; the replacement was refused: " + reason);
                } else {
                    store.abandonReplacing(uow, old.clientOrderId(), "re-pricing refused: " + reason);
                }
                out.failed++;
            }
        });
    }

    // ---- reconciling with the venue

    /**
     * Brings the unfinished take-profits up to date with the venue; returns those PLACING that it does not have.
     *
     * @param recover whether to recover what a crash left PLACING or REPLACING too (runs), or only to record the fills
     *                and ends of resting ones (the fill watcher between runs, which leaves recovery to the next run)
     */
    List<TakeProfitOrder> reconcile(SessionPair sp, PairOutcome out, boolean recover, PairLock lock) {
        List<TakeProfitOrder> rows = store.liveOrders(transactions.reads(), sp.sessionId(), sp.pair()).stream()
                .filter(r -> recover || "LIVE".equals(r.state())).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        ensureHeld(lock);
        Map<String, VenueOrder> open = new HashMap<>();
        timed(out, () -> venue.openOrders(sp.pair())).forEach(o -> open.put(o.clientOrderId(), o));
        Set<String> lookup = new HashSet<>();
        for (TakeProfitOrder row : rows) {
            VenueOrder resting = open.get(row.clientOrderId());
            switch (row.state()) {
                case "PLACING" -> lookup.add(row.clientOrderId());
                case "LIVE" -> {
                    if (resting == null || resting.filledQuantity().compareTo(row.filledQuantity()) != 0) {
                        lookup.add(row.clientOrderId());
                    }
                }
                default -> {
                    lookup.add(row.clientOrderId());
                    lookup.add(row.replacementClientOrderId());
                }
            }
        }
        if (lookup.isEmpty()) {
            return List.of();
        }
        Map<String, VenueOrder> found = new HashMap<>();
        timed(out, () -> venue.ordersByClientOrderId(sp.pair(), lookup)).forEach(o -> found.put(o.clientOrderId(), o));
        return transactions.run(uow -> {
            List<TakeProfitOrder> resend = new ArrayList<>();
            List<EventEnvelope<?>> written = new ArrayList<>();
            for (TakeProfitOrder row : rows) {
                if (!lookup.contains(row.clientOrderId())) {
                    continue;
                }
                VenueOrder v = found.get(row.clientOrderId());
                switch (row.state()) {
                    case "PLACING" -> {
                        if (v == null) {
                            resend.add(row);
                        } else {
                            LOG.infof("take-profit %s was placed before a restart (venue order %s); recorded, not"
                                    + " placed again", row.clientOrderId(), v.venueOrderId());
                            out.duplicatesPrevented++;
                            if (v.open()) {
                                // published by whoever moves it to LIVE: a settler that placed it may have just done so
                                if (!store.markLive(uow, List.<String[]>of(new String[] {row.clientOrderId(),
                                        v.venueOrderId()})).isEmpty()) {
                                    written.add(events.placed(row, row.clientOrderId(), v.venueOrderId(), row.price(),
                                            row.quantity(), row.tier(), null));
                                    out.covered++;
                                }
                            } else {
                                settleClosed(uow, row, row.clientOrderId(), v, written, out);
                            }
                        }
                    }
                    case "LIVE" -> {
                        if (v == null) {
                            store.close(uow, row.clientOrderId(), "CANCELLED", row.filledQuantity(),
                                    "no longer known to the venue");
                        } else if (v.open()) {
                            recordTrades(uow, row, row.clientOrderId(), v, written, out);
                            store.setFilledQuantity(uow, row.clientOrderId(), v.filledQuantity());
                        } else {
                            settleClosed(uow, row, row.clientOrderId(), v, written, out);
                        }
                    }
                    default -> reconcileReplacing(uow, row, v, found.get(row.replacementClientOrderId()), written, out);
                }
            }
            uow.publishAll(written);
            return resend;
        });
    }

    private void reconcileReplacing(UnitOfWork uow, TakeProfitOrder row, VenueOrder old, VenueOrder replacement,
            List<EventEnvelope<?>> written, PairOutcome out) {
        BigDecimal oldFilled = old == null ? row.filledQuantity() : old.filledQuantity();
        if (old != null) {
            recordTrades(uow, row, row.clientOrderId(), old, written, out);
        }
        if (replacement != null) {
            store.close(uow, row.clientOrderId(), "REPLACED", oldFilled, null);
            String state = replacement.open() ? "LIVE" : stateOf(replacement);
            store.insertReplacement(uow, row, replacement.clientOrderId(), row.replacementTier(),
                    row.replacementAttempt(), replacement.price(), replacement.quantity(), "PLACING",
                    replacement.venueOrderId(), null);
            written.add(events.placed(row, replacement.clientOrderId(), replacement.venueOrderId(),
                    replacement.price(), replacement.quantity(), row.replacementTier(), row.clientOrderId()));
            TakeProfitOrder inserted = store.order(uow, replacement.clientOrderId()).orElseThrow();
            if ("LIVE".equals(state)) {
                store.markLive(uow, List.<String[]>of(new String[] {inserted.clientOrderId(),
                        replacement.venueOrderId()}));
                recordTrades(uow, inserted, inserted.clientOrderId(), replacement, written, out);
                store.setFilledQuantity(uow, inserted.clientOrderId(), replacement.filledQuantity());
            } else {
                settleClosed(uow, inserted, inserted.clientOrderId(), replacement, written, out);
            }
            out.replaced++;
            out.duplicatesPrevented++;
        } else if (old != null && old.open()) {
            store.abandonReplacing(uow, row.clientOrderId(), "re-pricing interrupted; the order still rests");
        } else {
            store.close(uow, row.clientOrderId(), old == null ? "CANCELLED" : stateOf(old), oldFilled,
                    "closed while being re-priced");
        }
    }

    private void settleClosed(UnitOfWork uow, TakeProfitOrder row, String clientOrderId, VenueOrder v,
            List<EventEnvelope<?>> written, PairOutcome out) {
        recordTrades(uow, row, clientOrderId, v, written, out);
        store.close(uow, clientOrderId, stateOf(v), v.filledQuantity(), v.statusReason());
    }

    private void recordTrades(UnitOfWork uow, TakeProfitOrder row, String clientOrderId, VenueOrder v,
            List<EventEnvelope<?>> written, PairOutcome out) {
        for (VenueTrade t : v.trades()) {
            if (store.insertTrade(uow, row.venue(), t.tradeId(), clientOrderId, t.quantity(), t.price(), t.fee(),
                    t.at())) {
                written.add(events.filled(row, clientOrderId, v.venueOrderId(), t));
                out.takeProfitsFilled++;
            }
        }
    }

    private static String stateOf(VenueOrder v) {
        return switch (v.status()) {
            case OPEN -> "LIVE";
            case FILLED -> "FILLED";
            case CANCELLED -> "CANCELLED";
            case REJECTED -> "FAILED";
        };
    }

    private static void ensureHeld(PairLock lock) {
        if (lock != null) {
            lock.ensureHeld();
        }
    }

    private static TakeProfitOrder placing(SettlementPlan.NewTakeProfit n, String venue) {
        BuyPosition p = n.position();
        return new TakeProfitOrder(n.clientOrderId(), p.fillKey(), p.venue(), p.orderId(), p.tradeId(),
                p.sessionId(), p.pair(), venue, "SELL", n.tier(), n.attempt(), n.price(), n.quantity(), "PLACING",
                null, BigDecimal.ZERO, null, null, null, null, null, null, null, null, p.lineage());
    }

    private static TakeProfitOrder retry(TakeProfitOrder o, String id, int attempt, BigDecimal price) {
        return new TakeProfitOrder(id, o.fillKey(), o.fillVenue(), o.fillOrderId(), o.fillId(), o.sessionId(),
                o.pair(), o.venue(), o.side(), o.tier(), attempt, price, o.quantity(), "PLACING", null,
                BigDecimal.ZERO, null, null, null, null, null, null, null, null, o.fillLineage());
    }

    private static <T> T timed(PairOutcome out, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            out.venueNanos += System.nanoTime() - started;
        }
    }
}
