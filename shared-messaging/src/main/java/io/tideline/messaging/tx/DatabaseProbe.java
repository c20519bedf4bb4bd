package io.tideline.messaging.tx;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Tells a poison record from an outage: a record is dead-lettered only when it fails while the database answers.
 */
@ApplicationScoped
public class DatabaseProbe {


    private final Pool pool;
    private final Duration timeout;

    public DatabaseProbe(Pool pool, io.tideline.messaging.DatabaseConfig database) {
        this.pool = pool;
        this.timeout = database.statementTimeout();
    }

    public boolean isReachable() {
        try {
            pool.query("select 1").execute().await().atMost(timeout);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
