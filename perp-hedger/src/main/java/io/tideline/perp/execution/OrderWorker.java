package io.tideline.perp.execution;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.perp.config.HedgerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The executor's thread ({@code perp-order-executor}): sends due orders one after another, and resumes from the
 * database after a restart (orders not finished).
 */
@ApplicationScoped
public class OrderWorker {

    private static final Logger LOG = Logger.getLogger(OrderWorker.class);

    private final OrderExecutor executor;
    private final SchemaMigration schema;
    private final HedgerConfig config;
    private final PollingWorker worker;

    public OrderWorker(OrderExecutor executor, SchemaMigration schema, HedgerConfig config) {
        this.executor = executor;
        this.schema = schema;
        this.config = config;
        this.worker = new PollingWorker("perp-order-executor", this::step, config.execution().pollInterval(),
                config.execution().maxBackoff());
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("perp-hedger: venue %s, %d hedged pool(s), hedge ratio %s", executor.venueName(),
                config.pools().size(), config.hedgeRatio().toPlainString());
        if (config.execution().enabled()) {
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(30));
    }

    /** Ends the idle pause: an order was just written. */
    public void wake() {
        worker.wake();
    }

    private boolean step() {
        return schema.isMigrated() && executor.executeNext();
    }
}
