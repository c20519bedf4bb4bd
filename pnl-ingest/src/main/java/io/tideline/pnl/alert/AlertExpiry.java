package io.tideline.pnl.alert;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.pnl.config.PnlConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Cleans up alerts: an open alert past its expiry becomes EXPIRED (it no longer counts as open; executions within its
 * life still match it, judged by their own time), and an expired alert that no execution followed is deleted after
 * the retention period. Alerts with executions are kept for attribution and conversion figures.
 */
@ApplicationScoped
public class AlertExpiry {

    private static final Logger LOG = Logger.getLogger(AlertExpiry.class);

    private final Transactions transactions;
    private final AlertStore alerts;
    private final Clock clock;
    private final Duration retention;
    private final PollingWorker worker;

    public AlertExpiry(Transactions transactions, AlertStore alerts, SchemaMigration schema, Clock clock,
            PnlConfig config) {
        this.transactions = transactions;
        this.alerts = alerts;
        this.clock = clock;
        this.retention = config.matching().expiredRetention();
        this.worker = new PollingWorker("pnl-alert-expiry", () -> {
            if (schema.isMigrated()) {
                expire();
            }
            return false;
        }, config.matching().expiryInterval(), Duration.ofMinutes(5));
    }

    void onStart(@Observes StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(10));
    }

    /** One pass: what expired and what was deleted. */
    public record Pass(int expired, int deleted) {
    }

    public Pass expire() {
        Instant now = clock.instant();
        Instant purgeBefore = now.minus(retention);
        Pass pass = transactions.run(uow -> new Pass(alerts.expire(uow, now),
                alerts.purgeExpiredNeverFollowed(uow, purgeBefore)));
        if (pass.expired() + pass.deleted() > 0) {
            LOG.infof("arbitrage alerts: %d expired, %d deleted (expired before %s, never followed)", pass.expired(),
                    pass.deleted(), purgeBefore);
        }
        return pass;
    }
}
