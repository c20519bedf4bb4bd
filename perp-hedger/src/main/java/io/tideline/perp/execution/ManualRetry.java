package io.tideline.perp.execution;

import io.tideline.events.perp.HedgeRequested;
import io.tideline.messaging.tx.Transactions;
import io.tideline.perp.hedge.ExternalIds;
import io.tideline.perp.hedge.Hedge;
import io.tideline.perp.hedge.HedgeEvents;
import io.tideline.perp.hedge.HedgeOrder;
import io.tideline.perp.hedge.HedgeStatus;
import io.tideline.perp.hedge.HedgeStore;
import io.tideline.perp.hedge.OrderOutcome;
import io.tideline.perp.hedge.OrderPurpose;
import io.tideline.perp.hedge.OrderState;
import io.tideline.perp.venue.OrderConfirmation;
import io.tideline.perp.venue.OrderLookup;
import io.tideline.perp.venue.VenueUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a hedge's latest failed order again, by hand, under a new external id (its generation + 1, since the venue
 * keeps the failed one). Never a second short: the failed order is first looked up at the venue under its own
 * external id, and it is not sent again if the venue has it (a fill is recorded instead) or cannot say.
 */
@ApplicationScoped
public class ManualRetry {

    private final Transactions tx;
    private final HedgeStore store;
    private final OrderConfirmation confirmation;
    private final OrderExecutor executor;
    private final OrderWorker worker;

    public ManualRetry(Transactions tx, HedgeStore store, OrderConfirmation confirmation, OrderExecutor executor,
            OrderWorker worker) {
        this.tx = tx;
        this.store = store;
        this.confirmation = confirmation;
        this.executor = executor;
        this.worker = worker;
    }

    /** What a retry came to. */
    public sealed interface Result {
        /** The order was queued again under a new external id. */
        record Retried(HedgeOrder order) implements Result {
        }

        record NoSuchHedge() implements Result {
        }

        /** Not retried, and why (nothing failed, something in flight, already retried, the venue has the order). */
        record Refused(String reason) implements Result {
        }

        /** The venue could not say whether it has the failed order: not sent again. */
        record VenueUnavailable(String reason) implements Result {
        }
    }

    public Result retry(UUID hedgeId) {
        if (store.hedge(tx.reads(), hedgeId).isEmpty()) {
            return new Result.NoSuchHedge();
        }
        Result.Refused refused = refusal(hedgeId, store.orders(tx.reads(), hedgeId));
        if (refused != null) {
            return refused;
        }
        HedgeOrder failed = latestFailed(store.orders(tx.reads(), hedgeId)).orElseThrow();
        OrderLookup atVenue;
        try {
            atVenue = confirmation.findByExternalIdOrUnavailable(failed.externalId(), failed.market());
        } catch (VenueUnavailableException e) {
            return new Result.VenueUnavailable("cannot tell whether the venue has order " + failed.externalId()
                    + ", so it is not sent again: " + e.getMessage());
        }
        if (atVenue instanceof OrderLookup.Found found) {
            if (!found.order().terminal()) {
                return new Result.Refused("order " + failed.externalId() + " is " + found.order().status()
                        + " at the venue; not sent again");
            }
            OrderOutcome outcome = OrderOutcome.of(found.order(), found.trades());
            if (outcome.filled().signum() > 0) {
                boolean recorded = executor.recordLateFill(failed, outcome);
                return new Result.Refused("order " + failed.externalId() + " was found at the venue, filled "
                        + outcome.filled().toPlainString() + (recorded ? "; its fill is recorded" : "")
                        + "; not sent again");
            }
            // at the venue but ended with nothing filled: a new order under a new id is safe
        }
        return tx.run(uow -> {
            Hedge hedge = store.hedgeForUpdate(uow, hedgeId).orElseThrow();
            List<HedgeOrder> orders = store.orders(uow, hedgeId);
            Result.Refused changed = refusal(hedgeId, orders);
            if (changed != null || !latestFailed(orders).map(o -> o.orderKey().equals(failed.orderKey()))
                    .orElse(false)) {
                return changed != null ? changed : new Result.Refused("hedge " + hedgeId + " changed meanwhile");
            }
            UUID key = UUID.randomUUID();
            String externalId = ExternalIds.of(hedgeId, failed.step(), failed.generation() + 1);
            store.requeueAsNewGeneration(uow, failed, key, externalId);
            HedgeStatus status = hedge.status() == HedgeStatus.FAILED
                    ? (failed.purpose() == OrderPurpose.CLOSE ? HedgeStatus.CLOSING : HedgeStatus.OPENING)
                    : hedge.status();
            store.updateHedge(uow, hedge.with(status, "manual retry of " + failed.externalId()));
            uow.publish(HedgeEvents.about(externalId, failed.correlationId(), hedge.positionKey(),
                    new HedgeRequested(hedge.positionKey(), hedgeId.toString(), failed.step(), failed.market(),
                            failed.side(), failed.quantity(), failed.referencePrice(), externalId)));
            uow.afterCommit(worker::wake);
            return new Result.Retried(store.order(uow, key).orElseThrow());
        });
    }

    private static Result.Refused refusal(UUID hedgeId, List<HedgeOrder> orders) {
        if (orders.stream().anyMatch(HedgeOrder::outstanding)) {
            return new Result.Refused("hedge " + hedgeId + " has an order in flight");
        }
        Optional<HedgeOrder> failed = latestFailed(orders);
        if (failed.isEmpty()) {
            return new Result.Refused("hedge " + hedgeId + " has no failed order");
        }
        if (orders.stream().anyMatch(o -> o.step() == failed.get().step()
                && o.generation() > failed.get().generation())) {
            return new Result.Refused("order " + failed.get().externalId() + " was retried already");
        }
        return null;
    }

    private static Optional<HedgeOrder> latestFailed(List<HedgeOrder> orders) {
        return orders.stream().filter(o -> o.state() == OrderState.FAILED)
                .max(Comparator.comparing(HedgeOrder::updatedAt));
    }
}
