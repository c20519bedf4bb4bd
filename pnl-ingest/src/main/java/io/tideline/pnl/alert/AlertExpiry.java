package io.tideline.pnl.alert;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.sql.BlockingSql;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.pnl.config.PnlWiring;
import io.vertx.mutiny.sqlclient.Tuple;
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

    private final PnlWiring wiring;
    private final SchemaMigration schema;
    private final Clock clock;
    private final PollingWorker worker;

    public AlertExpiry(PnlWiring wiring, SchemaMigration schema, Clock clock) {
        this.wiring = wiring;
        this.schema = schema;
        this.clock = clock;
        PnlConfig.Matching matching = wiring.config().matching();
        this.worker = new PollingWorker("pnl-alert-expiry", () -> {
            if (schema.isMigrated()) {
                expire();
            }
            return false;
        }, matching.expiryInterval(), Duration.ofMinutes(5));
    }

    void onStart(@Observes StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(10));
    }

    /** One pass; returns {expired, deleted}. */
    public int[] expire() {
        Instant now = clock.instant();
        Instant purgeBefore = now.minus(wiring.config().matching().expiredRetention());
        BlockingSql sql = wiring.sql();
        return wiring.tx().run(c -> {
            int expired = sql.exec(c, "update arbitrage_alert set status = 'EXPIRED' where status = 'OPEN'"
                    + " and expires_at < $1", Tuple.of(BlockingSql.utc(now)));
            int deleted = sql.exec(c, "delete from arbitrage_alert a where a.status = 'EXPIRED' and a.expires_at < $1"
                    + " and not exists (select 1 from execution e where e.alert_id = a.alert_id)",
                    Tuple.of(BlockingSql.utc(purgeBefore)));
            if (expired + deleted > 0) {
                LOG.infof("arbitrage alerts: %d expired, %d deleted (expired before %s, never followed)", expired,
                        deleted, purgeBefore);
            }
            return new int[] {expired, deleted};
        });
    }
}
