package io.tideline.analytics.snapshot;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.analytics.readmodel.AnalyticsConfig;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Takes a scheduled snapshot once per interval (hourly by default), aligned to the interval's boundaries: a period
 * without a scheduled snapshot gets one as soon as this worker sees it, so a restart neither skips nor repeats one.
 */
@ApplicationScoped
public class SnapshotSchedule {

    private static final Logger LOG = Logger.getLogger(SnapshotSchedule.class);

    private final SnapshotService snapshots;
    private final SnapshotStore store;
    private final Transactions transactions;
    private final SchemaMigration schema;
    private final Clock clock;
    private final AnalyticsConfig.Snapshots config;
    private final PollingWorker worker;

    public SnapshotSchedule(SnapshotService snapshots, SnapshotStore store, Transactions transactions,
            SchemaMigration schema, Clock clock, AnalyticsConfig config) {
        this.snapshots = snapshots;
        this.store = store;
        this.transactions = transactions;
        this.schema = schema;
        this.clock = clock;
        this.config = config.snapshots();
        Duration poll = this.config.interval().compareTo(Duration.ofSeconds(30)) < 0 ? this.config.interval()
                : Duration.ofSeconds(30);
        this.worker = new PollingWorker("analytics-snapshots", this::step, poll, Duration.ofMinutes(1));
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(30));
    }

    boolean step() {
        if (!schema.isMigrated()) {
            return false;
        }
        Instant due = periodStart(clock.instant(), config.interval());
        Instant last = store.lastTaken(transactions.reads(), SnapshotService.SCHEDULED).orElse(Instant.EPOCH);
        if (last.isBefore(due)) {
            SnapshotService.Taken taken = snapshots.take(SnapshotService.SCHEDULED);
            LOG.infof("scheduled snapshot %d of %d strategies", taken.snapshotId(), taken.strategies());
        }
        return false;
    }

    /** The start of the interval {@code now} is in, counted from the epoch. */
    static Instant periodStart(Instant now, Duration interval) {
        long millis = interval.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis);
    }
}
