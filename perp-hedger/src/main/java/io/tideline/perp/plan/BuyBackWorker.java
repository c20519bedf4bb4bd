package io.tideline.perp.plan;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.execution.OrderWorker;
import io.tideline.perp.hedge.Hedge;
import io.tideline.perp.hedge.HedgeDecision;
import io.tideline.perp.hedge.HedgePlanner;
import io.tideline.perp.hedge.HedgeRules;
import io.tideline.perp.hedge.HedgeStore;
import io.tideline.perp.hedge.LpState;
import io.tideline.perp.market.PoolMarkets;
import io.tideline.perp.venue.PerpVenue;
import io.tideline.perp.venue.VenuePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Buys back the shorts of hedges whose LP is gone (thread {@code perp-hedge-buy-back}): for each such hedge with no
 * order in flight, the venue's position and price are read outside any transaction, then the hedge is locked, checked
 * again and the buy-back decided ({@link HedgePlanner#buyBack}) and written in one unit of work.
 */
@ApplicationScoped
public class BuyBackWorker {

    private static final int HEDGES_PER_PASS = 20;

    private final Transactions transactions;
    private final HedgeStore store;
    private final PerpVenue venue;
    private final HedgePlanner planner;
    private final DecisionEffects effects;
    private final OrderWorker orders;
    private final SchemaMigration schema;
    private final boolean enabled;
    private final PollingWorker worker;

    public BuyBackWorker(Transactions transactions, HedgeStore store, PerpVenue venue, PoolMarkets markets,
            DecisionEffects effects, OrderWorker orders, SchemaMigration schema, HedgerConfig config) {
        this.transactions = transactions;
        this.store = store;
        this.venue = venue;
        this.planner = new HedgePlanner(HedgeRules.of(config, markets));
        this.effects = effects;
        this.orders = orders;
        this.schema = schema;
        this.enabled = config.execution().enabled();
        this.worker = new PollingWorker("perp-hedge-buy-back", this::step, config.execution().pollInterval(),
                config.execution().maxBackoff());
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(30));
    }

    /** Ends the idle pause: an LP was just marked gone. */
    public void wake() {
        worker.wake();
    }

    /** One pass over the hedges to buy back; true if there may be more right away. */
    boolean step() {
        if (!schema.isMigrated()) {
            return false;
        }
        List<Hedge> candidates = store.hedgesToClose(transactions.reads(), HEDGES_PER_PASS);
        for (Hedge candidate : candidates) {
            boolean holds = candidate.openQty().signum() > 0;
            Optional<VenuePosition> position = holds ? venue.position(candidate.market()) : Optional.empty();
            BigDecimal reference = holds ? venue.marketStats(candidate.market()).askPrice() : BigDecimal.ZERO;
            transactions.execute(uow -> store.hedgeForUpdate(uow, candidate.hedgeId())
                    .filter(h -> h.live() && h.lpState() != LpState.OPEN)
                    .filter(h -> store.outstandingOrders(uow, h.hedgeId()).isEmpty())
                    .ifPresent(h -> {
                        HedgeDecision decision = planner.buyBack(h, position, reference);
                        effects.apply(uow, decision, null);
                        if (decision instanceof HedgeDecision.BuyBack) {
                            uow.afterCommit(orders::wake);
                        }
                    }));
        }
        return candidates.size() == HEDGES_PER_PASS;
    }
}
