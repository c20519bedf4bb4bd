package io.tideline.messaging.consumer;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Tells a poison record from an outage: a record is dead-lettered only when it fails while the database answers.
 */
@ApplicationScoped
public class DatabaseProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Pool pool;

    public DatabaseProbe(Pool pool) {
        this.pool = pool;
    }

    public boolean isReachable() {
        try {
            pool.query("select 1").execute().await().atMost(TIMEOUT);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
