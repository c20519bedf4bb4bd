package io.tideline.messaging.schema;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.tideline.messaging.DatabaseConfig;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Migrates the service's database with Flyway at start (the shared messaging tables from {@code db/messaging}, then
 * the service's own from {@code db/migration}). If the database is unreachable the service still starts, reports
 * not-ready, and keeps trying in the background instead of crash-looping.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final Flyway flyway;
    private final DatabaseConfig database;
    private final CountDownLatch migrated = new CountDownLatch(1);
    private volatile String lastError = "not migrated yet";

    public SchemaMigration(Flyway flyway, DatabaseConfig database) {
        this.flyway = flyway;
        this.database = database;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (!tryMigrate()) {
            Thread retry = new Thread(this::retryUntilMigrated, "schema-migration");
            retry.setDaemon(true);
            retry.start();
        }
    }

    public boolean isMigrated() {
        return migrated.getCount() == 0;
    }

    /** Why the schema is not migrated yet, or null once it is. */
    public String lastError() {
        return isMigrated() ? null : lastError;
    }

    /** Blocks the calling (worker) thread until the schema is migrated. */
    public void awaitMigrated() {
        try {
            migrated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean tryMigrate() {
        try {
            var result = flyway.migrate();
            LOG.infof("database schema at version %s (%d migrations applied now)",
                    result.targetSchemaVersion == null ? flyway.info().current().getVersion() : result.targetSchemaVersion,
                    result.migrationsExecuted);
            migrated.countDown();
            return true;
        } catch (RuntimeException e) {
            lastError = rootMessage(e);
            LOG.warnf("migrating database %s on %s:%d as %s failed; the service stays not-ready and retries: %s",
                    database.name(), database.host(), database.port(), database.user(), lastError);
            return false;
        }
    }

    private void retryUntilMigrated() {
        Duration wait = FIRST_RETRY;
        while (!isMigrated()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!tryMigrate()) {
                wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root.getMessage() + ")" : "");
    }
}
