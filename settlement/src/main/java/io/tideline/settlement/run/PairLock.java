package io.tideline.settlement.run;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;

/**
 * A PostgreSQL session-level advisory lock on one (session, pair), held on a connection of its own for as long as the
 * pair is being settled (across several transactions and the venue calls between them), so that two instances never
 * settle the same pair at once. PostgreSQL releases it when the connection ends, so a killed instance leaves none.
 */
public final class PairLock implements AutoCloseable {

    private final SqlConnection connection;
    private final long key;
    private final Duration timeout;

    private PairLock(SqlConnection connection, long key, Duration timeout) {
        this.connection = connection;
        this.key = key;
        this.timeout = timeout;
    }

    /** The lock if it is free now; empty when another connection (instance) holds it. */
    public static Optional<PairLock> tryAcquire(Pool pool, String sessionId, String pair, Duration timeout) {
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        try {
            long key = connection.preparedQuery("select hashtextextended($1, 0)")
                    .execute(Tuple.of("tideline.settlement:" + sessionId + ":" + pair))
                    .await().atMost(timeout).iterator().next().getLong(0);
            boolean locked = connection.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(key))
                    .await().atMost(timeout).iterator().next().getBoolean(0);
            if (locked) {
                return Optional.of(new PairLock(connection, key, timeout));
            }
        } catch (RuntimeException e) {
            connection.close().onFailure().recoverWithNull().await().atMost(timeout);
            throw e;
        }
        connection.close().onFailure().recoverWithNull().await().atMost(timeout);
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            connection.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(key)).await().atMost(timeout);
        } finally {
            connection.close().onFailure().recoverWithNull().await().atMost(timeout);
        }
    }
}
