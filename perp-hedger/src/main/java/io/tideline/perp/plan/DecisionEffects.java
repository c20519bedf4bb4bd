package io.tideline.perp.plan;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventPayload;
import io.tideline.events.perp.HedgeFailed;
import io.tideline.events.perp.HedgeRequested;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.hedge.Hedge;
import io.tideline.perp.hedge.HedgeDecision;
import io.tideline.perp.hedge.HedgeEvents;
import io.tideline.perp.hedge.HedgeOrder;
import io.tideline.perp.hedge.HedgeStore;
import io.tideline.perp.hedge.NewOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Carries out a {@link HedgeDecision} in the caller's unit of work: the hedge and order rows, and the events
 * (HedgeRequested for each new order, HedgeFailed for each cancelled one), built from the LP fact that caused them
 * when there is one, else carrying the hedge's stored correlation id.
 */
@ApplicationScoped
public class DecisionEffects {

    private static final Logger LOG = Logger.getLogger(DecisionEffects.class);

    private final HedgeStore store;
    private final String venue;
    /** Hedges whose daily cap was reported on {@link #capDay}: once a day each; forgotten when the day changes. */
    private final Set<UUID> capped = new HashSet<>();
    private LocalDate capDay;

    public DecisionEffects(HedgeStore store, HedgerConfig config) {
        this.store = store;
        this.venue = config.venue();
    }

    /**
     * @param cause the LP fact decided on, or null (the buy-back loop)
     */
    public void apply(UnitOfWork uow, HedgeDecision decision, EventEnvelope<?> cause) {
        if (decision instanceof HedgeDecision.Open d) {
            store.insertHedge(uow, d.hedge());
            placeOrder(uow, d.hedge(), d.order(), cause);
        } else if (decision instanceof HedgeDecision.Unhedged d) {
            store.insertHedge(uow, d.hedge());
            LOG.warnf("position %s is not hedged (%s): %s", d.hedge().positionKey(), d.reason(), d.hedge().detail());
        } else if (decision instanceof HedgeDecision.LpGone d) {
            for (HedgeOrder o : d.cancelled()) {
                store.markCancelled(uow, o.orderKey(), d.cancelReason());
                publish(uow, cause, o.externalId(), o.correlationId(), d.hedge(), new HedgeFailed(
                        d.hedge().positionKey(), d.hedge().hedgeId().toString(), o.step(), o.market(), o.externalId(),
                        "cancelled: " + d.cancelReason(), false, o.attempts()));
            }
            store.updateHedge(uow, d.hedge());
        } else if (decision instanceof HedgeDecision.LpBack d) {
            store.updateHedge(uow, d.hedge());
        } else if (decision instanceof HedgeDecision.Rehedge d) {
            store.updateHedge(uow, d.hedge());
            placeOrder(uow, d.hedge(), d.order(), cause);
        } else if (decision instanceof HedgeDecision.CapReached d) {
            if (firstNoticeOfTheDay(d.hedge().hedgeId(), d.day())) {
                LOG.warnf("hedge %s of %s is %s off its exposure but reached its daily cap of %d re-hedging orders;"
                        + " no more re-hedging today", d.hedge().hedgeId(), d.hedge().positionKey(),
                        d.off().toPlainString(), d.cap());
            }
        } else if (decision instanceof HedgeDecision.BuyBack d) {
            store.updateHedge(uow, d.hedge());
            placeOrder(uow, d.hedge(), d.order(), cause);
        } else if (decision instanceof HedgeDecision.Closed d) {
            store.updateHedge(uow, d.hedge());
        } else if (decision instanceof HedgeDecision.NothingToBuyBack d) {
            store.updateHedge(uow, d.hedge());
            Hedge h = d.hedge();
            publish(uow, cause, d.externalId(), h.correlationId(), h, new HedgeFailed(h.positionKey(),
                    h.hedgeId().toString(), d.step(), h.market(), d.externalId(), d.reason(), false, 0));
        } else if (decision instanceof HedgeDecision.NoChange d) {
            LOG.debugf("no change: %s", d.why());
        }
    }

    private void placeOrder(UnitOfWork uow, Hedge h, NewOrder order, EventEnvelope<?> cause) {
        store.insertOrder(uow, HedgeOrder.requested(h, order, venue));
        publish(uow, cause, order.externalId(), order.correlationId(), h, new HedgeRequested(h.positionKey(),
                h.hedgeId().toString(), order.step(), h.market(), order.side(), order.quantity(),
                order.referencePrice(), order.externalId()));
    }

    private static void publish(UnitOfWork uow, EventEnvelope<?> cause, String externalId, String correlationId,
            Hedge h, EventPayload payload) {
        uow.publish(cause != null ? HedgeEvents.causedBy(cause, externalId, h.positionKey(), payload)
                : HedgeEvents.about(externalId, correlationId, h.positionKey(), payload));
    }

    private synchronized boolean firstNoticeOfTheDay(UUID hedgeId, LocalDate day) {
        if (!day.equals(capDay)) {
            capped.clear();
            capDay = day;
        }
        return capped.add(hedgeId);
    }
}
