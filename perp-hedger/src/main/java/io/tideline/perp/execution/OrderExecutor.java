package io.tideline.perp.execution;

import io.tideline.events.EventEnvelope;
import io.tideline.events.TradeSide;
import io.tideline.events.perp.HedgeClosed;
import io.tideline.events.perp.HedgeFailed;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.PerpFill;
import io.tideline.messaging.outbox.Outbox;
import io.tideline.messaging.sql.BlockingTransaction;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.hedge.Hedge;
import io.tideline.perp.hedge.HedgeEvents;
import io.tideline.perp.hedge.HedgeOrder;
import io.tideline.perp.hedge.HedgeStore;
import io.tideline.perp.hedge.OrderOutcome;
import io.tideline.perp.venue.MarketOrderRequest;
import io.tideline.perp.venue.OrderConfirmation;
import io.tideline.perp.venue.OrderLookup;
import io.tideline.perp.venue.PerpVenue;
import io.tideline.perp.venue.PlacedOrder;
import io.tideline.perp.venue.VenueRejectedException;
import io.tideline.perp.venue.VenueUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
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
 *       only sent again if the venue has no order under it;</li>
 *   <li>PENDING_LOOKUP (placed, not found yet): looked up again every reconcile interval.</li>
 * </ul>
 * Rejections (4xx, a REJECTED order) fail at once; 5xx, 429 and timeouts are retried with backoff up to the
 * attempt limit. The order's new state, its fills, the hedge and the events are written in one transaction.
 */
public final class OrderExecutor {

    private static final Logger LOG = Logger.getLogger(OrderExecutor.class);

    private final BlockingTransaction tx;
    private final HedgeStore store;
    private final PerpVenue venue;
    private final OrderConfirmation confirmation;
    private final HedgerConfig.Execution config;

    public OrderExecutor(BlockingTransaction tx, HedgeStore store, PerpVenue venue, OrderConfirmation confirmation,
            HedgerConfig.Execution config) {
        this.tx = tx;
        this.store = store;
        this.venue = venue;
        this.confirmation = confirmation;
        this.config = config;
    }

    /** Handles the next due order; false when none is due. */
    public boolean executeNext() {
        Optional<HedgeOrder> claimed = tx.run(c -> store.claimDueOrder(c, config.sendLease()));
        if (claimed.isEmpty()) {
            return false;
        }
        HedgeOrder order = claimed.get();
        switch (order.state()) {
            case "REQUESTED" -> send(order);
            case "SENDING" -> recoverOrResend(order);
            case "PENDING_LOOKUP" -> reconcile(order);
            default -> LOG.warnf("order %s claimed in state %s; nothing to do", order.externalId(), order.state());
        }
        return true;
    }

    private void recoverOrResend(HedgeOrder order) {
        OrderLookup found = confirmation.findByExternalId(order.externalId(), order.market());
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
        tx.run(c -> {
            store.markSending(c, order.orderKey());
            return null;
        });
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
                finish(order, OrderOutcome.failed("gave up after " + attempt + " attempts; last: " + error, true,
                        null), attempt);
            } else {
                Duration pause = backoff(attempt);
                LOG.warnf("order %s attempt %d failed, retrying in %d ms: %s", order.externalId(), attempt,
                        pause.toMillis(), error);
                tx.run(c -> {
                    store.markRetry(c, order.orderKey(), error, pause);
                    return null;
                });
            }
            return;
        }
        record(order, confirmation.confirm(placed.orderId(), order.market()), placed.orderId());
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
            tx.run(c -> {
                store.markRetry(c, order.orderKey(), "not found at the venue", config.reconcileInterval());
                return null;
            });
        }
    }

    private void pendingLookup(HedgeOrder order, String venueOrderId, String note) {
        LOG.warnf("order %s: %s; looked up again in %d s", order.externalId(), note,
                config.reconcileInterval().toSeconds());
        tx.run(c -> {
            store.markPendingLookup(c, order.orderKey(), venueOrderId, note, config.reconcileInterval());
            return null;
        });
    }

    /** Writes the outcome, the fills, the hedge and the events in one transaction (once: a second call is a no-op). */
    private void finish(HedgeOrder order, OrderOutcome outcome, int attempts) {
        tx.run(c -> {
            Optional<HedgeOrder> current = store.order(c, order.orderKey());
            Optional<Hedge> locked = store.hedgeForUpdate(c, order.hedgeId());
            if (current.isEmpty() || !current.get().outstanding() || locked.isEmpty()) {
                return null; // recorded by another instance meanwhile
            }
            Hedge h = locked.get();
            List<EventEnvelope<?>> events = new ArrayList<>();
            if (outcome.filled().signum() == 0) {
                store.markFailed(c, order.orderKey(), outcome.reason(), outcome.retryable(), outcome.venueOrder());
                store.updateHedge(c, afterFailure(h, order, outcome.reason()));
                events.add(HedgeEvents.of(order.externalId(), "HedgeFailed", h.positionKey(), new HedgeFailed(
                        h.positionKey(), h.hedgeId().toString(), order.step(), order.market(), order.externalId(),
                        outcome.reason(), outcome.retryable(), attempts)));
            } else {
                store.insertTrades(c, order, outcome.trades());
                store.markFilled(c, order.orderKey(), outcome.orderId(), outcome.venueStatus(),
                        outcome.statusReason(), outcome.filled(), outcome.averagePrice(), outcome.fee(), outcome.raw());
                Hedge after = afterFill(h, order, outcome);
                store.updateHedge(c, after);
                List<PerpFill> fills = outcome.trades().stream().map(t -> new PerpFill(t.tradeId(), t.quantity(),
                        t.price(), t.fee(), t.createdAt())).toList();
                events.add(HedgeEvents.of(order.externalId(), "HedgeFilled", h.positionKey(), new HedgeFilled(
                        h.positionKey(), h.hedgeId().toString(), order.step(), order.market(), outcome.orderId(),
                        order.externalId(), order.side(), outcome.filled(), outcome.averagePrice(), outcome.fee(),
                        fills)));
                if ("CLOSED".equals(after.status())) {
                    events.add(HedgeEvents.of(order.externalId(), "HedgeClosed", h.positionKey(), new HedgeClosed(
                            h.positionKey(), h.hedgeId().toString(), order.market(), outcome.orderId(),
                            outcome.filled(), outcome.averagePrice(), after.tradingPnl(), after.fees())));
                }
            }
            Outbox.appendWithin(c, events, tx.timeout());
            return null;
        });
    }

    private static Hedge afterFailure(Hedge h, HedgeOrder order, String reason) {
        return switch (order.purpose()) {
            case "OPEN" -> h.with("FAILED", "opening order failed: " + reason);
            case "CLOSE" -> h.with("FAILED", "closing order failed, " + h.openQty().toPlainString()
                    + " still short: " + reason);
            default -> h.with(h.status(), "re-hedging order failed: " + reason);
        };
    }

    private static Hedge afterFill(Hedge h, HedgeOrder order, OrderOutcome outcome) {
        String detail = outcome.filled().compareTo(order.quantity()) < 0
                ? order.purpose().toLowerCase(Locale.ROOT) + " order filled " + outcome.filled().toPlainString()
                        + " of " + order.quantity().toPlainString()
                : h.detail();
        Hedge after = h.filled(order.side() == TradeSide.SELL, outcome.filled(),
                outcome.filled().multiply(outcome.averagePrice()), outcome.fee(), h.status(), detail);
        String status = switch (order.purpose()) {
            case "OPEN" -> "OPEN";
            case "CLOSE" -> after.openQty().signum() <= 0 ? "CLOSED" : "CLOSING";
            default -> h.status();
        };
        return after.with(status, detail);
    }

    private Duration backoff(int attempt) {
        Duration pause = config.initialBackoff().multipliedBy(1L << Math.min(20, attempt - 1));
        return pause.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : pause;
    }
}
