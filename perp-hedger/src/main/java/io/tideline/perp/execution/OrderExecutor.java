package io.tideline.perp.execution;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import io.tideline.events.perp.HedgeClosed;
import io.tideline.events.perp.HedgeFailed;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.PerpFill;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.hedge.Hedge;
import io.tideline.perp.hedge.HedgeEvents;
import io.tideline.perp.hedge.HedgeOrder;
import io.tideline.perp.hedge.HedgeStatus;
import io.tideline.perp.hedge.HedgeStore;
import io.tideline.perp.hedge.OrderOutcome;
import io.tideline.perp.hedge.OrderState;
import io.tideline.perp.venue.MarketOrderRequest;
import io.tideline.perp.venue.OrderConfirmation;
import io.tideline.perp.venue.OrderLookup;
import io.tideline.perp.venue.PerpVenue;
import io.tideline.perp.venue.PlacedOrder;
import io.tideline.perp.venue.VenueRejectedException;
import io.tideline.perp.venue.VenueUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends the hedges' orders and records what became of them. One order at a time, claimed with a lease so two
 * instances never send the same order:
 * <ul>
 *   <li>REQUESTED: sent; then confirmed by id (several lookups, then the latest trades) and recorded;</li>
 *   <li>SENDING (a send whose answer was lost: a crash, a timeout, a 5xx): first looked up by its external id, and
 *       only sent again if the venue answers that it has no order under it (an unanswered lookup is tried again
 *       later, never taken for "not there");</li>
 *   <li>PENDING_LOOKUP (placed, not found yet): looked up again every reconcile interval.</li>
 * </ul>
 * Rejections (4xx, a REJECTED order) fail at once; 5xx, 429 and timeouts are retried with backoff up to the attempt
 * limit, and the last one is looked up by external id before the order is given up (only on the venue's answer). The order's new state, its fills,
 * the hedge and the events are written in one unit of work.
 */
@ApplicationScoped
public class OrderExecutor {

    private static final Logger LOG = Logger.getLogger(OrderExecutor.class);

    private final Transactions tx;
    private final HedgeStore store;
    private final PerpVenue venue;
    private final OrderConfirmation confirmation;
    private final HedgerConfig.Execution config;

    public OrderExecutor(Transactions tx, HedgeStore store, PerpVenue venue, OrderConfirmation confirmation,
            HedgerConfig config) {
        this.tx = tx;
        this.store = store;
        this.venue = venue;
        this.confirmation = confirmation;
        this.config = config.execution();
    }

    /** Handles the next due order; false when none is due. */
    public boolean executeNext() {
        Optional<HedgeOrder> claimed = tx.run(uow -> store.claimDueOrder(uow, config.sendLease()));
        if (claimed.isEmpty()) {
            return false;
        }
        HedgeOrder order = claimed.get();
        switch (order.state()) {
            case REQUESTED -> send(order);
            case SENDING -> recoverOrResend(order);
            case PENDING_LOOKUP -> reconcile(order);
            default -> LOG.warnf("order %s claimed in state %s; nothing to do", order.externalId(), order.state());
        }
        return true;
    }

    public String venueName() {
        return venue.name();
    }

    private void recoverOrResend(HedgeOrder order) {
        Optional<OrderLookup> answered = lookUpStrictly(order, order.attempts());
        if (answered.isEmpty()) {
            return;
        }
        OrderLookup found = answered.get();
        if (found instanceof OrderLookup.NotFound) {
            LOG.infof("order %s: no order at the venue under its external id; sending it (attempt %d)",
                    order.externalId(), order.attempts() + 1);
            send(order);
        } else {
            LOG.infof("order %s: found at the venue after an unanswered send; not sent again", order.externalId());
            record(order, found, null);
        }
    }

    private void reconcile(HedgeOrder order) {
        OrderLookup found = confirmation.confirm(order.venueOrderId(), order.market());
        if (found instanceof OrderLookup.NotFound) {
            found = confirmation.findByExternalId(order.externalId(), order.market());
        }
        record(order, found, order.venueOrderId());
    }

    private void send(HedgeOrder order) {
        tx.execute(uow -> store.markSending(uow, order.orderKey()));
        int attempt = order.attempts() + 1;
        PlacedOrder placed;
        try {
            placed = venue.placeMarketOrder(new MarketOrderRequest(order.externalId(), order.market(), order.side(),
                    order.quantity(), order.reduceOnly()));
        } catch (VenueRejectedException e) {
            String reason = "rejected by " + venue.name() + (e.httpStatus() > 0 ? " (HTTP " + e.httpStatus() + ")" : "")
                    + (e.code() != null ? " " + e.code() : "") + ": " + e.getMessage();
            finish(order, OrderOutcome.failed(reason, false, null), attempt);
            return;
        } catch (VenueUnavailableException e) {
            String error = venue.name() + " unavailable" + (e.httpStatus() > 0 ? " (HTTP " + e.httpStatus() + ")" : "")
                    + ": " + e.getMessage();
            if (attempt >= config.maxAttempts()) {
                giveUp(order, attempt, error);
            } else {
                Duration pause = backoff(attempt);
                LOG.warnf("order %s attempt %d failed, retrying in %d ms: %s", order.externalId(), attempt,
                        pause.toMillis(), error);
                tx.execute(uow -> store.markRetry(uow, order.orderKey(), error, pause));
            }
            return;
        }
        record(order, confirmation.confirm(placed.orderId(), order.market()), placed.orderId());
    }

    /**
     * The last send failed without an answer, but it may have reached the venue (a timeout, a 5xx from a gateway):
     * the order is looked up by its external id, and only given up (FAILED, to be retried by hand under a new id) when
     * the venue shows nothing under it.
     */
    private void giveUp(HedgeOrder order, int attempt, String error) {
        Optional<OrderLookup> answered = lookUpStrictly(order, attempt);
        if (answered.isEmpty()) {
            return;
        }
        OrderLookup found = answered.get();
        if (found instanceof OrderLookup.NotFound) {
            finish(order, OrderOutcome.failed("gave up after " + attempt + " attempts; last: " + error, true, null),
                    attempt);
        } else {
            LOG.warnf("order %s: its last send failed (%s) but the venue has it; recorded, not given up",
                    order.externalId(), error);
            record(order.withAttempts(attempt), found, null);
        }
    }

    /**
     * The order under its external id, when the venue answers; when it does not, the order stays SENDING and is looked
     * up again after a back-off: it is neither sent again nor given up on a guess (a lost send may have gone through).
     */
    private Optional<OrderLookup> lookUpStrictly(HedgeOrder order, int attempt) {
        try {
            return Optional.of(confirmation.findByExternalIdOrUnavailable(order.externalId(), order.market()));
        } catch (VenueUnavailableException e) {
            Duration pause = backoff(Math.max(1, attempt));
            String error = "not sent again nor given up: " + e.getMessage();
            LOG.warnf("order %s: %s; looked up again in %d ms", order.externalId(), error, pause.toMillis());
            tx.execute(uow -> store.markRetry(uow, order.orderKey(), error, pause));
            return Optional.empty();
        }
    }

    private void record(HedgeOrder order, OrderLookup found, String placedOrderId) {
        if (found instanceof OrderLookup.Found f && !f.order().terminal()) {
            pendingLookup(order, f.order().orderId(), "order " + f.order().orderId() + " still "
                    + f.order().status() + " at the venue");
        } else if (found instanceof OrderLookup.Found f) {
            finish(order, OrderOutcome.of(f.order(), f.trades()), order.attempts());
        } else if (found instanceof OrderLookup.FoundInTrades t) {
            finish(order, OrderOutcome.fromTrades(t.orderId(), t.trades()), order.attempts());
        } else if (placedOrderId != null) {
            pendingLookup(order, placedOrderId, "placed as " + placedOrderId + " but not found by id nor in the"
                    + " latest trades yet");
        } else {
            LOG.warnf("order %s: neither its id nor its external id is known to the venue", order.externalId());
            tx.execute(uow -> store.markRetry(uow, order.orderKey(), "not found at the venue",
                    config.reconcileInterval()));
        }
    }

    private void pendingLookup(HedgeOrder order, String venueOrderId, String note) {
        LOG.warnf("order %s: %s; looked up again in %d s", order.externalId(), note,
                config.reconcileInterval().toSeconds());
        tx.execute(uow -> store.markPendingLookup(uow, order.orderKey(), venueOrderId, note,
                config.reconcileInterval()));
    }

    /** Writes the outcome, the fills, the hedge and the events in one unit of work (once: a second call is a no-op). */
    private void finish(HedgeOrder order, OrderOutcome outcome, int attempts) {
        tx.execute(uow -> {
            Optional<Hedge> locked = store.hedgeForUpdate(uow, order.hedgeId());
            Optional<HedgeOrder> current = store.order(uow, order.orderKey());
            if (current.isEmpty() || !current.get().outstanding() || locked.isEmpty()) {
                return; // recorded by another instance meanwhile
            }
            Hedge h = locked.get();
            if (outcome.filled().signum() == 0) {
                store.markFailed(uow, order.orderKey(), outcome.reason(), outcome.retryable(), outcome.venueOrder());
                store.updateHedge(uow, afterFailure(h, order, outcome.reason()));
                uow.publish(HedgeEvents.about(order.externalId(), order.correlationId(), h.positionKey(),
                        new HedgeFailed(h.positionKey(), h.hedgeId().toString(), order.step(), order.market(),
                                order.externalId(), outcome.reason(), outcome.retryable(), attempts)));
            } else {
                recordFill(uow, h, order, outcome, h.detail());
            }
        });
    }

    /**
     * Records a fill found at the venue for an order that was marked FAILED (its send went through after all), if the
     * order is still the hedge's latest FAILED one and nothing else is in flight; says whether it did.
     */
    public boolean recordLateFill(HedgeOrder failed, OrderOutcome outcome) {
        return tx.run(uow -> {
            Optional<Hedge> locked = store.hedgeForUpdate(uow, failed.hedgeId());
            List<HedgeOrder> orders = locked.map(h -> store.orders(uow, h.hedgeId())).orElse(List.of());
            boolean stillFailed = orders.stream().anyMatch(o -> o.orderKey().equals(failed.orderKey())
                    && o.state() == OrderState.FAILED);
            boolean superseded = orders.stream().anyMatch(o -> o.step() == failed.step()
                    && o.generation() > failed.generation());
            if (locked.isEmpty() || !stillFailed || superseded || orders.stream().anyMatch(HedgeOrder::outstanding)) {
                return false;
            }
            recordFill(uow, locked.get(), failed, outcome, "order " + failed.externalId()
                    + " was found filled at the venue after it had been given up");
            return true;
        });
    }

    private void recordFill(UnitOfWork uow, Hedge h, HedgeOrder order, OrderOutcome outcome, String detail) {
        store.insertTrades(uow, order, outcome.trades());
        store.markFilled(uow, order.orderKey(), outcome);
        Hedge after = afterFill(h, order, outcome, detail);
        store.updateHedge(uow, after);
        List<PerpFill> fills = outcome.trades().stream().map(t -> new PerpFill(t.tradeId(), t.quantity(), t.price(),
                t.fee(), t.createdAt())).toList();
        uow.publish(event(order, h, new HedgeFilled(h.positionKey(), h.hedgeId().toString(), order.step(),
                order.market(), outcome.orderId(), order.externalId(), order.side(), outcome.filled(),
                outcome.averagePrice(), outcome.fee(), fills)));
        if (after.status() == HedgeStatus.CLOSED) {
            uow.publish(event(order, h, new HedgeClosed(h.positionKey(), h.hedgeId().toString(), order.market(),
                    outcome.orderId(), outcome.filled(), outcome.averagePrice(), after.tradingPnl(), after.fees())));
        }
    }

    private static EventEnvelope<?> event(HedgeOrder order, Hedge h, EventPayload payload) {
        return HedgeEvents.about(order.externalId(), order.correlationId(), h.positionKey(), payload);
    }

    private static Hedge afterFailure(Hedge h, HedgeOrder order, String reason) {
        return switch (order.purpose()) {
            case OPEN -> h.with(HedgeStatus.FAILED, "opening order failed: " + reason);
            case CLOSE -> h.with(HedgeStatus.FAILED, "closing order failed, " + h.openQty().toPlainString()
                    + " still short: " + reason);
            case REBALANCE -> h.with(h.status(), "re-hedging order failed: " + reason);
        };
    }

    private static Hedge afterFill(Hedge h, HedgeOrder order, OrderOutcome outcome, String detail) {
        String note = outcome.filled().compareTo(order.quantity()) < 0
                ? order.purpose().name().toLowerCase(Locale.ROOT) + " order filled "
                        + outcome.filled().toPlainString() + " of " + order.quantity().toPlainString()
                : detail;
        Hedge after = h.filled(order.side() == TradeSide.SELL, outcome.filled(),
                outcome.filled().multiply(outcome.averagePrice()), outcome.fee(), h.status(), note);
        HedgeStatus status = switch (order.purpose()) {
            case OPEN -> HedgeStatus.OPEN;
            case CLOSE -> after.openQty().signum() <= 0 ? HedgeStatus.CLOSED : HedgeStatus.CLOSING;
            case REBALANCE -> h.status();
        };
        return after.with(status, note);
    }

    private Duration backoff(int attempt) {
        Duration pause = config.initialBackoff().multipliedBy(1L << Math.min(20, attempt - 1));
        return pause.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : pause;
    }
}
