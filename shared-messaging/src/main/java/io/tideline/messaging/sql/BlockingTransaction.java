package io.tideline.messaging.sql;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import java.time.Duration;
import java.util.function.Function;

/**
 * Runs work in one database transaction from a worker thread of our own (a relay, a chain follower), where waiting
 * for each statement is simpler than chaining them. Never call it on a Vert.x event-loop thread.
 *
 * <p>The work commits if it returns and rolls back if it throws; the connection is always returned to the pool.
 */
public final class BlockingTransaction {

    private final Pool pool;
    private final Duration timeout;

    public BlockingTransaction(Pool pool, Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    public <T> T run(Function<SqlConnection, T> work) {
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        try {
            Transaction tx = connection.begin().await().atMost(timeout);
            T result;
            try {
                result = work.apply(connection);
            } catch (RuntimeException | Error e) {
                tx.rollback().onFailure().recoverWithNull().await().atMost(timeout);
                throw e;
            }
            tx.commit().await().atMost(timeout);
            return result;
        } finally {
            connection.close().onFailure().recoverWithNull().await().atMost(timeout);
        }
    }

    public Duration timeout() {
        return timeout;
    }
}
