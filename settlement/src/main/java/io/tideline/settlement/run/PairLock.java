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
import org.jboss.logging.Logger;

/**
 * A PostgreSQL session-level advisory lock on one (session, pair), held on a connection of its own for as long as the
 * pair is being settled (across several units of work and the venue calls between them), so that two instances never
 * settle the same pair at once. PostgreSQL releases it when the connection ends, so a killed instance leaves none; and
 * a connection that ends under us (the server restarted or terminated it, the network cut it) took the lock with it:
 * {@link #ensureHeld()} says so from then on, and the settler stops instead of going on as if it still held the pair.
 */
public final class PairLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PairLock.class);

    private final SqlConnection connection;
    private final String name;
    private final long key;
    private final Duration timeout;
    private volatile boolean lost;

    private PairLock(SqlConnection connection, String name, long key, Duration timeout) {
        this.connection = connection;
        this.name = name;
        this.key = key;
        this.timeout = timeout;
    }

    /**
     * The lock if it is free now; empty when another connection (instance) holds it.
     *
     * @param timeout the service's statement timeout ({@code tideline.db.statement-timeout})
     */
    public static Optional<PairLock> tryAcquire(Pool pool, String sessionId, String pair, Duration timeout) {
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        PairLock lock = new PairLock(connection, pair + " of session " + sessionId, keyOf(sessionId, pair), timeout);
        connection.closeHandler(lock::connectionClosed);
        boolean locked;
        try {
            locked = connection.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(lock.key))
                    .await().atMost(timeout).iterator().next().getBoolean(0);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
        if (!locked) {
            lock.release();
            return Optional.empty();
        }
        return Optional.of(lock);
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

    /** Whether the lock is still ours: false once its connection has ended. */
    public boolean held() {
        return !lost;
    }

    /** @throws PairLockLostException once the lock's connection has ended (and PostgreSQL released the lock) */
    public void ensureHeld() {
        if (lost) {
            throw new PairLockLostException("the advisory lock on " + name + " was lost with its database connection;"
                    + " stopped settling it (another instance may have taken it over)");
        }
    }

    private void connectionClosed() {
        if (!lost) {
            lost = true;
            LOG.warnf("the database connection holding the advisory lock on %s has ended: the lock is gone", name);
        }
    }

    @Override
    public void close() {
        try {
            if (!lost) {
                connection.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(key)).await()
                        .atMost(timeout);
            }
        } catch (RuntimeException e) {
            // the connection broke on the way: PostgreSQL ends the lock with it
            LOG.warnf("unlocking %s failed: %s", name, e.getMessage());
        } finally {
            release();
        }
    }

    private void release() {
        lost = true;
        connection.close().onFailure().recoverWithNull().await().atMost(timeout);
    }
}
