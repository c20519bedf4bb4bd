package io.tideline.perp.execution;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.events.EventEnvelope;
import io.tideline.messaging.outbox.Outbox;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.sql.BlockingTransaction;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.hedge.Hedge;
import io.tideline.perp.hedge.HedgePlanner;
import io.tideline.perp.hedge.HedgeStore;
import io.tideline.perp.hedge.LpFact;
import io.tideline.perp.hedge.PoolMarkets;
import io.tideline.perp.venue.OrderConfirmation;
import io.tideline.perp.venue.PerpVenue;
import io.tideline.perp.venue.VenueFactory;
import io.tideline.perp.venue.VenuePosition;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The hedger's two worker threads: the planner turns stored LP facts into hedges and orders (and buys back the
 * shorts of LPs that are gone), the executor sends orders and records their fills. Both resume from the database
 * after a restart: facts not planned, orders not finished.
 */
@ApplicationScoped
public class HedgeWorker {

    private static final Logger LOG = Logger.getLogger(HedgeWorker.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final int FACTS_PER_PASS = 200;

    private final HedgerConfig config;
    private final SchemaMigration schema;
    private final BlockingTransaction tx;
    private final HedgeStore store = new HedgeStore(DB_TIMEOUT);
    private final PoolMarkets markets;
    private final PerpVenue venue;
    private final HedgePlanner planner;
    private final OrderExecutor executor;
    private final PollingWorker planning;
    private final PollingWorker execution;

    public HedgeWorker(HedgerConfig config, SchemaMigration schema, Pool pool) {
        this.config = config;
        this.schema = schema;
        this.tx = new BlockingTransaction(pool, DB_TIMEOUT);
        this.markets = new PoolMarkets(config.pools());
        this.venue = VenueFactory.create(config, tx, store, markets);
        HedgerConfig.Execution exec = config.execution();
        this.planner = new HedgePlanner(store, markets, config.hedgeRatio(), config.rebalance(), venue.name(),
                Clock.systemUTC());
        OrderConfirmation confirmation = new OrderConfirmation(venue, exec.lookupAttempts(), exec.lookupInterval(),
                exec.tradesFallbackLimit(), d -> Thread.sleep(d.toMillis()));
        this.executor = new OrderExecutor(tx, store, venue, confirmation, exec);
        this.planning = new PollingWorker("perp-hedge-planner", this::planStep, exec.pollInterval(),
                exec.maxBackoff());
        this.execution = new PollingWorker("perp-order-executor", this::executeStep, exec.pollInterval(),
                exec.maxBackoff());
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("perp-hedger: venue %s, %d hedged pool(s), hedge ratio %s", venue.name(),
                config.pools().size(), config.hedgeRatio().toPlainString());
        if (config.execution().enabled()) {
            planning.start();
            execution.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        planning.stop(DB_TIMEOUT);
        execution.stop(DB_TIMEOUT);
    }

    public PerpVenue venue() {
        return venue;
    }

    public HedgeStore store() {
        return store;
    }

    public BlockingTransaction tx() {
        return tx;
    }

    private boolean planStep() {
        if (!schema.isMigrated()) {
            return false;
        }
        int planned = planFacts();
        closeHedgesOfGoneLps();
        return planned == FACTS_PER_PASS;
    }

    private boolean executeStep() {
        return schema.isMigrated() && executor.executeNext();
    }

    /** Plans the next facts in one transaction; if one cannot be planned, each is tried on its own. */
    private int planFacts() {
        try {
            return tx.run(c -> {
                List<LpFact> facts = store.unplannedFacts(c, FACTS_PER_PASS);
                List<EventEnvelope<?>> events = new ArrayList<>();
                for (LpFact fact : facts) {
                    events.addAll(planner.plan(c, fact));
                    store.markPlanned(c, fact.id(), null);
                }
                Outbox.appendWithin(c, events, DB_TIMEOUT);
                return facts.size();
            });
        } catch (RuntimeException batchFailed) {
            LOG.warnf("planning a batch of LP facts failed (%s); planning them one by one", batchFailed.getMessage());
            return planOneByOne();
        }
    }

    private int planOneByOne() {
        List<LpFact> facts = tx.run(c -> store.unplannedFacts(c, FACTS_PER_PASS));
        for (LpFact fact : facts) {
            try {
                tx.run(c -> {
                    Outbox.appendWithin(c, planner.plan(c, fact), DB_TIMEOUT);
                    store.markPlanned(c, fact.id(), null);
                    return null;
                });
            } catch (RuntimeException e) {
                if (!schema.isMigrated()) {
                    throw e;
                }
                LOG.errorf(e, "LP fact %d (%s of %s) cannot be planned; set aside", fact.id(), fact.eventType(),
                        fact.positionKey());
                tx.run(c -> {
                    store.markPlanned(c, fact.id(), String.valueOf(e.getMessage()));
                    return null;
                });
            }
        }
        return facts.size();
    }

    private void closeHedgesOfGoneLps() {
        List<Hedge> candidates = tx.run(c -> store.hedgesToClose(c, 20));
        for (Hedge candidate : candidates) {
            // The venue is asked outside the transaction; the hedge is checked again under lock before planning.
            boolean holds = candidate.openQty().signum() > 0;
            Optional<VenuePosition> position = holds ? venue.position(candidate.market()) : Optional.empty();
            BigDecimal reference = holds ? venue.marketStats(candidate.market()).askPrice() : BigDecimal.ZERO;
            tx.run(c -> {
                Optional<Hedge> locked = store.hedgeForUpdate(c, candidate.hedgeId())
                        .filter(h -> h.live() && !"OPEN".equals(h.lpState()))
                        .filter(h -> !store.hasOutstandingOrders(c, h.hedgeId()));
                locked.ifPresent(h -> Outbox.appendWithin(c, planner.planClose(c, h, position, reference),
                        DB_TIMEOUT));
                return null;
            });
        }
    }
}
