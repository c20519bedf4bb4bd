package io.tideline.messaging.tx;

import io.tideline.events.EventEnvelope;
import io.tideline.messaging.DatabaseConfig;
import io.tideline.messaging.outbox.OutboxRelay;
import io.tideline.messaging.outbox.OutboxRows;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one way a service changes its database: {@link #run} opens a transaction on a pooled connection, hands the
 * work a {@link UnitOfWork}, writes the events it published to the outbox, and commits; if the work throws, nothing
 * of it (state or events) is kept. Reads that need no transaction use {@link #reads()}.
 *
 * <p>Blocking by design (see docs/adr/0001-one-blocking-unit-of-work.md): call it from a worker thread, a consumer
 * thread or a blocking REST method, never from a Vert.x event loop.
 */
@ApplicationScoped
public class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class);

    private final Pool pool;
    private final Duration timeout;
    private final OutboxRelay relay;
    private final DatabaseProbe probe;
    private final Sql reads;

    public Transactions(Pool pool, DatabaseConfig database, OutboxRelay relay, DatabaseProbe probe) {
        this.pool = pool;
        this.timeout = database.statementTimeout();
        this.relay = relay;
        this.probe = probe;
        this.reads = new Sql(pool, timeout, probe);
    }

    /**
     * Runs the work in one transaction and returns its result after the commit.
     *
     * @throws DatabaseUnavailableException when it failed because the database does not answer (an outage, told
     *     apart from a failing statement by asking the database once more)
     */
    public <T> T run(Function<UnitOfWork, T> work) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Transactions.run blocks: call it from a worker thread, not an event loop");
        }
        try {
            return runOnce(work);
        } catch (RuntimeException e) {
            if (!(e instanceof DatabaseUnavailableException) && !probe.isReachable()) {
                throw new DatabaseUnavailableException("the database does not answer: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private <T> T runOnce(Function<UnitOfWork, T> work) {
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        List<Runnable> after;
        boolean published;
        T result;
        try {
            Transaction tx = connection.begin().await().atMost(timeout);
            UnitOfWork uow = new UnitOfWork(connection, timeout);
            try {
                result = work.apply(uow);
                uow.runBeforeCommit();
                uow.settle();
                List<EventEnvelope<?>> events = uow.drainEvents();
                published = !events.isEmpty();
                OutboxRows.insert(connection, events, timeout);
            } catch (RuntimeException | Error e) {
                uow.drainEvents();
                uow.abandonSent();
                tx.rollback().onFailure().recoverWithNull().await().atMost(timeout);
                throw e;
            }
            tx.commit().await().atMost(timeout);
            after = uow.afterCommitActions();
        } finally {
            connection.close().onFailure().recoverWithNull().await().atMost(timeout);
        }
        if (published) {
            relay.wake();
        }
        for (Runnable action : after) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "an after-commit action failed (the transaction is committed): %s", e.getMessage());
            }
        }
        return result;
    }

    /** Runs work that returns nothing in one transaction. */
    public void execute(Consumer<UnitOfWork> work) {
        run(uow -> {
            work.accept(uow);
            return null;
        });
    }

    /** Statements on the pool, each in its own implicit transaction: for reads (queries, health, status). */
    public Sql reads() {
        return reads;
    }

    /** The one statement timeout ({@code tideline.db.statement-timeout}). */
    public Duration timeout() {
        return timeout;
    }
}
