package io.tideline.settlement.run;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.venue.MakerVenue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Settlement's two worker threads: the scheduled run (every {@code tideline.settlement.run.interval}, from the end of
 * one to the start of the next) and the take-profit fill watcher between runs ({@code run.fill-watch-interval}).
 */
@ApplicationScoped
public class SettlementSchedule {

    private static final Logger LOG = Logger.getLogger(SettlementSchedule.class);

    private final SettlementConfig config;
    private final SchemaMigration schema;
    private final SettlementRunner runner;
    private final MakerVenue venue;
    private final Duration stopTimeout;
    private final PollingWorker schedule;
    private final PollingWorker fillWatch;

    public SettlementSchedule(SettlementConfig config, SchemaMigration schema, SettlementRunner runner,
            MakerVenue venue, Transactions transactions) {
        this.config = config;
        this.schema = schema;
        this.runner = runner;
        this.venue = venue;
        this.stopTimeout = transactions.timeout();
        this.schedule = new PollingWorker("settlement-schedule", this::scheduledRun, config.run().interval(),
                config.run().interval());
        Duration watch = config.run().fillWatchInterval();
        this.fillWatch = watch.isZero() ? null : new PollingWorker("settlement-fill-watch", this::watchStep, watch,
                Duration.ofMinutes(1));
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
        schedule.stop(stopTimeout);
        if (fillWatch != null) {
            fillWatch.stop(stopTimeout);
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
}
