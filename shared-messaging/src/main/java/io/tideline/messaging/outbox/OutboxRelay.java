package io.tideline.messaging.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.Backoff;
import io.tideline.messaging.DatabaseConfig;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.worker.Wakeup;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in id order and, once the broker has acknowledged them, deletes them and
 * keeps an audit row each in {@code outbox_sent}; after a crash the rows not yet deleted are published again
 * (at-least-once, never lost; consumers are idempotent).
 *
 * <p>A pass reads and hands over the next batch while the previous one's acknowledgements are on their way, and
 * commits after a few batches with {@code synchronous_commit = off} (ADR 0014).
 *
 * <p>One relay per database works at a time: each pass holds a transaction-scoped advisory lock, so two instances
 * of a service never publish the same key out of order. Per-key order holds because a key's changes are
 * serialized by the transactions that make them (the later change commits its outbox row after the earlier one).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** pg advisory lock key: "tideline.outbox.relay" hashed once, the same in every service. */
    static final long RELAY_LOCK = 0x7469_6465_6f62_7831L;

    /**
     * Marks published rows by deleting them and keeping an audit row in {@code outbox_sent}: a delete writes no index
     * entry, where stamping {@code sent_at} (a column both partial indexes name) was a non-HOT update (ADR 0014).
     */
    private static final String MARK_SENT = """
            with published as (
                delete from outbox where id = any($1)
                returning id, event_id, topic, event_key, event_type, correlation_id, created_at)
            insert into outbox_sent (outbox_id, event_id, topic, event_key, event_type, correlation_id, created_at)
            select id, event_id, topic, event_key, event_type, correlation_id, created_at from published""";

    private final Pool pool;
    private final OutboxPublisher publisher;
    private final MessagingConfig.Relay config;
    private final Duration cleanupEvery;
    private final SchemaMigration schema;
    private final AtomicLong published = new AtomicLong();
    private final Duration timeout;

    private volatile Thread worker;
    private volatile boolean running;
    private volatile RelayStatus status = RelayStatus.starting();
    private Instant lastCleanup = Instant.EPOCH;

    private final Wakeup wakeup = new Wakeup();

    public OutboxRelay(Pool pool, OutboxPublisher publisher, MessagingConfig config, SchemaMigration schema,
            DatabaseConfig database) {
        this.pool = pool;
        this.timeout = database.statementTimeout();
        this.publisher = publisher;
        this.config = config.relay();
        this.cleanupEvery = config.cleanupInterval();
        this.schema = schema;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            status = RelayStatus.disabled();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the relay loop on its own thread (a no-op if it runs). */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops the loop after the pass in progress. */
    public synchronized void stop() {
        running = false;
        Thread current = worker;
        worker = null;
        if (current != null) {
            current.interrupt();
            try {
                current.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Ends the relay's idle pause so rows just committed are published now rather than after the poll interval
     * (a service calls it after committing events whose latency matters).
     */
    public void wake() {
        wakeup.wake();
    }

    public RelayStatus status() {
        return status;
    }

    /** Events published since start. */
    public long publishedCount() {
        return published.get();
    }

    /**
     * Rows committed but not yet published to Kafka (the outbox backlog): near 0 while the relay keeps up; growing
     * while the broker is away or the relay is disabled. Counted on the partial index of pending rows.
     */
    public long unpublishedCount() {
        return pool.preparedQuery("select count(*) from outbox where sent_at is null").execute()
                .await().atMost(timeout).iterator().next().getLong(0);
    }

    private void loop() {
        schema.awaitMigrated();
        Backoff failures = new Backoff(config.pollInterval(), config.maxBackoff());
        while (running) {
            try {
                int sent = relayOnce();
                failures.reset();
                cleanupIfDue();
                if (sent < config.batchSize()) {
                    running = wakeup.pause(config.pollInterval()) && running;
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                status = RelayStatus.failing(e);
                LOG.warnf("outbox relay pass failed, retrying in %d ms: %s", failures.current().toMillis(),
                        e.getMessage());
                running = failures.pause() && running;
            }
        }
    }

    /**
     * One pass: publishes up to {@code batches-per-pass} batches of pending rows, a few in flight at once, and marks
     * the confirmed ones sent.
     *
     * @return how many rows were published and marked, 0 if another instance holds the relay lock
     */
    public int relayOnce() {
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        try {
            Transaction tx = connection.begin().await().atMost(timeout);
            try {
                Pass pass = relayInTransaction(connection);
                // Commit even when the broker failed part-way: the confirmed prefix must stay marked sent.
                tx.commit().await().atMost(timeout);
                if (pass.failure() != null) {
                    throw pass.failure();
                }
                return pass.sent();
            } catch (OutboxPublishException e) {
                throw e;
            } catch (RuntimeException e) {
                tx.rollback().onFailure().recoverWithNull().await().atMost(timeout);
                throw e;
            }
        } finally {
            connection.close().onFailure().recoverWithNull().await().atMost(timeout);
        }
    }

    /** What one pass did: rows marked sent, and the broker failure that stopped it part-way, if any. */
    private record Pass(int sent, OutboxPublishException failure) {
    }

    private Pass relayInTransaction(SqlConnection connection) {
        // synchronous_commit off for this transaction only: a mark lost in a crash just after the commit leaves
        // the rows pending, and they are published again, which the idempotent consumers absorb (ADR 0014).
        boolean leader = connection.preparedQuery("""
                        select pg_try_advisory_xact_lock($1), set_config('synchronous_commit', 'off', true)""")
                .execute(Tuple.of(RELAY_LOCK)).await().atMost(timeout)
                .iterator().next().getBoolean(0);
        if (!leader) {
            status = RelayStatus.standby();
            return new Pass(0, null);
        }
        Deque<InFlight> inFlight = new ArrayDeque<>();
        int handedOver = 0;
        int batches = 0;
        int sent = 0;
        boolean more = true;
        while (true) {
            // Read and hand over the next batches while the earlier ones' acknowledgements are on their way.
            while (more && inFlight.size() < config.inFlightBatches() && batches < config.batchesPerPass()) {
                List<PendingEvent> batch = pending(connection, inFlight);
                more = batch.size() == config.batchSize();
                if (batch.isEmpty()) {
                    break;
                }
                inFlight.addLast(new InFlight(batch, publisher.send(batch)));
                handedOver += batch.size();
                batches++;
            }
            InFlight oldest = inFlight.pollFirst();
            if (oldest == null) {
                break;
            }
            OutboxPublisher.PublishResult result = oldest.sending().await();
            List<PendingEvent> confirmed = oldest.batch().subList(0, result.confirmed());
            markSent(connection, confirmed);
            sent += confirmed.size();
            if (result.failure() != null) {
                // The batches handed over after the failed event are not marked: their rows stay pending and are
                // published again after it, in id order (consumers drop the copies the broker did take).
                inFlight.forEach(later -> later.sending().await());
                PendingEvent stuck = oldest.batch().get(result.confirmed());
                connection.preparedQuery("update outbox set attempts = attempts + 1, last_error = $2 where id = $1")
                        .execute(Tuple.of(stuck.id(), String.valueOf(result.failure())))
                        .await().atMost(timeout);
                return new Pass(sent, new OutboxPublishException("published " + sent + " of " + handedOver
                        + " outbox events; event " + stuck.eventId() + " failed: " + result.failure().getMessage(),
                        result.failure()));
            }
        }
        status = RelayStatus.healthy(sent);
        return new Pass(sent, null);
    }

    /** A batch handed to the broker, waiting for its acknowledgements. */
    private record InFlight(List<PendingEvent> batch, OutboxPublisher.Sending sending) {
    }

    /**
     * The next pending rows in id order, leaving out those in flight. Never "after the highest id in flight": a
     * transaction that took a lower id may commit after that batch was read, and its row must still go before any
     * later row of its key, which can only commit after it.
     */
    private List<PendingEvent> pending(SqlConnection connection, Deque<InFlight> inFlight) {
        Long[] excluded = inFlight.stream().flatMap(f -> f.batch().stream()).map(PendingEvent::id).toArray(Long[]::new);
        List<PendingEvent> batch = new ArrayList<>(config.batchSize());
        for (Row row : connection.preparedQuery("""
                        select id, event_id, topic, event_key, event_type, envelope, correlation_id from outbox
                        where sent_at is null and id <> all($2) order by id limit $1""")
                .execute(Tuple.of(config.batchSize(), excluded)).await().atMost(timeout)) {
            batch.add(new PendingEvent(row.getLong("id"), row.getUUID("event_id"), row.getString("topic"),
                    row.getString("event_key"), row.getString("event_type"),
                    row.getString("envelope").getBytes(StandardCharsets.UTF_8), row.getString("correlation_id")));
        }
        return batch;
    }

    private void markSent(SqlConnection connection, List<PendingEvent> confirmed) {
        if (confirmed.isEmpty()) {
            return;
        }
        Long[] ids = confirmed.stream().map(PendingEvent::id).toArray(Long[]::new);
        connection.preparedQuery(MARK_SENT).execute(Tuple.of(ids)).await().atMost(timeout);
        published.addAndGet(ids.length);
    }

    private void cleanupIfDue() {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).compareTo(cleanupEvery) < 0) {
            return;
        }
        lastCleanup = now;
        deletePublishedPastRetention();
    }

    /**
     * Deletes the audit rows of events published longer ago than the retention, and the published rows a relay of
     * the previous version stamped {@code sent_at} on (unpublished rows are never deleted); how many.
     */
    public int deletePublishedPastRetention() {
        Tuple retention = Tuple.of((double) config.retention().toSeconds());
        int deleted = pool.preparedQuery("delete from outbox_sent where sent_at < now() - make_interval(secs => $1)")
                .execute(retention).await().atMost(timeout).rowCount()
                + pool.preparedQuery("delete from outbox where sent_at < now() - make_interval(secs => $1)")
                .execute(retention).await().atMost(timeout).rowCount();
        if (deleted > 0) {
            LOG.infof("outbox: deleted %d published rows older than %s", deleted, config.retention());
        }
        return deleted;
    }


}
