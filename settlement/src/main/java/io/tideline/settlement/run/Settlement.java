package io.tideline.settlement.run;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.sql.BlockingSql;
import io.tideline.messaging.sql.BlockingTransaction;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.fill.FillRecorder;
import io.tideline.settlement.pricing.AgeTiers;
import io.tideline.settlement.pricing.PairCatalogue;
import io.tideline.settlement.pricing.TakeProfitPricing;
import io.tideline.settlement.risk.StopLossGuard;
import io.tideline.settlement.session.SessionStore;
import io.tideline.settlement.takeprofit.SettlementEvents;
import io.tideline.settlement.takeprofit.SettlementPlanner;
import io.tideline.settlement.takeprofit.TakeProfitStore;
import io.tideline.settlement.venue.MakerVenue;
import io.tideline.settlement.venue.paper.PaperVenue;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The settlement service's parts, built once from the configuration, and its two worker threads: the scheduled run
 * (every {@code tideline.settlement.run.interval}) and the take-profit fill watcher between runs.
 */
@ApplicationScoped
public class Settlement {

    private static final Logger LOG = Logger.getLogger(Settlement.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final SettlementConfig config;
    private final SchemaMigration schema;
    private final BlockingTransaction tx;
    private final BlockingSql sql = new BlockingSql(DB_TIMEOUT);
    private final SessionStore sessions = new SessionStore(sql);
    private final TakeProfitStore takeProfits = new TakeProfitStore(sql);
    private final RunStore runs = new RunStore(sql);
    private final PairCatalogue pairs;
    private final TakeProfitPricing pricing;
    private final MakerVenue venue;
    private final FillRecorder fills;
    private final SettlementRunner runner;
    private final ExecutorService pairWorkers;
    private final PollingWorker schedule;
    private final PollingWorker fillWatch;

    public Settlement(SettlementConfig config, MessagingConfig messaging, SchemaMigration schema, Pool pool) {
        this.config = config;
        this.schema = schema;
        this.tx = new BlockingTransaction(pool, DB_TIMEOUT);
        this.pairs = PairCatalogue.of(config);
        SettlementConfig.Tiers t = config.tiers();
        this.pricing = new TakeProfitPricing(AgeTiers.of(t.under1hBps(), t.under4hBps(), t.under12hBps(),
                t.over12hBps()));
        this.venue = createVenue(config, tx, pairs);
        this.fills = new FillRecorder(sql, messaging.service());
        AtomicInteger threads = new AtomicInteger();
        this.pairWorkers = Executors.newFixedThreadPool(config.run().parallelism(), r -> {
            Thread thread = new Thread(r, "settlement-pair-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Clock clock = Clock.systemUTC();
        PairSettler settler = new PairSettler(tx, takeProfits, venue, new SettlementPlanner(pricing),
                new SettlementEvents(messaging.service()), config.run().venueBatchSize(), clock);
        StopLossGuard stopLoss = new StopLossGuard(tx, sessions, takeProfits, venue, config.stopLoss().enabled(),
                config.stopLoss().maxLoss(), messaging.service());
        this.runner = new SettlementRunner(pool, tx, sessions, runs, settler, stopLoss, pairs, pairWorkers,
                config.run().lookback(), messaging.service(), clock);
        this.schedule = new PollingWorker("settlement-schedule", this::scheduledRun, config.run().interval(),
                config.run().interval());
        Duration watch = config.run().fillWatchInterval();
        this.fillWatch = watch.isZero() ? null : new PollingWorker("settlement-fill-watch", this::watchStep, watch,
                Duration.ofMinutes(1));
    }

    private static MakerVenue createVenue(SettlementConfig config, BlockingTransaction tx, PairCatalogue pairs) {
        if (!"paper".equals(config.venue())) {
            throw new IllegalArgumentException("tideline.settlement.venue must be paper, got " + config.venue());
        }
        return new PaperVenue(tx, pair -> pairs.rules(pair).feeRate(), config.paper().supportsReplace(),
                config.paper().latency());
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("settlement: venue %s, run every %s over the last %s, %d pair workers, stop-loss %s", venue.name(),
                config.run().interval(), config.run().lookback(), config.run().parallelism(),
                config.stopLoss().enabled() ? "at " + config.stopLoss().maxLoss().toPlainString() : "off");
        if (config.run().scheduled()) {
            schedule.start();
        }
        if (fillWatch != null) {
            fillWatch.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        schedule.stop(DB_TIMEOUT);
        if (fillWatch != null) {
            fillWatch.stop(DB_TIMEOUT);
        }
        pairWorkers.shutdownNow();
        try {
            pairWorkers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean scheduledRun() {
        if (!schema.isMigrated()) {
            return false;
        }
        try {
            runner.run("schedule", false, null);
        } catch (RunInProgressException e) {
            LOG.debug("scheduled run skipped: one is in progress (started through the API)");
        }
        return false;
    }

    private boolean watchStep() {
        if (schema.isMigrated()) {
            runner.watchFills();
        }
        return false;
    }

    /** Runs settlement now (the API); see {@link SettlementRunner#run}. */
    public RunResult run(boolean dryRun, Optional<String> sessionId) {
        return runner.run("api", dryRun, sessionId.orElse(null));
    }

    public SettlementRunner runner() {
        return runner;
    }

    public BlockingTransaction tx() {
        return tx;
    }

    public BlockingSql sql() {
        return sql;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public TakeProfitStore takeProfits() {
        return takeProfits;
    }

    public RunStore runs() {
        return runs;
    }

    public FillRecorder fills() {
        return fills;
    }

    public MakerVenue venue() {
        return venue;
    }

    public PairCatalogue pairs() {
        return pairs;
    }

    public TakeProfitPricing pricing() {
        return pricing;
    }

    public SettlementConfig config() {
        return config;
    }
}
