package io.tideline.alerting.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Deletes deliveries delivered or suppressed longer than {@code tideline.alerting.delivery.retention} ago (30 days),
 * with their attempts, in batches (thread {@code alerting-delivery-retention}, hourly). Failed ones are kept.
 */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);
    static final int BATCH = 1_000;

    private final Transactions transactions;
    private final DeliveryStore store;
    private final SchemaMigration schema;
    private final Clock clock;
    private final Duration retention;
    private final PollingWorker worker;

    public DeliveryRetention(Transactions transactions, DeliveryStore store, SchemaMigration schema, Clock clock,
            DeliveryConfig config) {
        this.transactions = transactions;
        this.store = store;
        this.schema = schema;
        this.clock = clock;
        this.retention = config.retention();
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("tideline.alerting.delivery.retention must be at least 1h");
        }
        this.worker = new PollingWorker("alerting-delivery-retention", this::step, Duration.ofHours(1),
                Duration.ofHours(1));
    }

    void onStart(@Observes StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(10));
    }

    /** One batch; true if a full batch went (there may be more). */
    boolean step() {
        if (!schema.isMigrated()) {
            return false;
        }
        int deleted = transactions.run(uow -> store.deleteFinishedBefore(uow, clock.instant().minus(retention),
                BATCH));
        if (deleted > 0) {
            LOG.infof("deleted %d deliveries finished more than %s ago", deleted, retention);
        }
        return deleted == BATCH;
    }
}
