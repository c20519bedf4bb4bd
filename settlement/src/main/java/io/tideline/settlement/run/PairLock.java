package io.tideline.settlement.run;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
            long key = keyOf(sessionId, pair);
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

    /** The lock's 64-bit key: the first 8 bytes of SHA-256 over the names (the same in every instance). */
    static long keyOf(String sessionId, String pair) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("tideline.settlement\u0000" + sessionId
                    + "\u0000" + pair).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
