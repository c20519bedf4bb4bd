package io.tideline.messaging.tx;

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
 * A PostgreSQL session-level advisory lock held on a connection of its own, for work that spans several units of work
 * (following a chain, settling a pair across venue calls), so that two instances never do it at once. PostgreSQL
 * releases it when the connection ends, so a killed instance leaves none behind; and a connection that ends under the
 * holder (the server restarted or terminated it, the network cut it) took the lock with it: {@link #held()} says so
 * from then on.
 */
public final class SessionLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SessionLock.class);

    private final SqlConnection connection;
    private final long key;
    private final String name;
    private final Duration timeout;
    private volatile boolean lost;

    private SessionLock(SqlConnection connection, long key, String name, Duration timeout) {
        this.connection = connection;
        this.key = key;
        this.name = name;
        this.timeout = timeout;
    }

    /**
     * The lock if no other connection holds it now; empty when another instance does.
     *
     * @param name    what the lock guards, for the log (e.g. "the follower lock of chain 1")
     * @param timeout the service's statement timeout ({@code tideline.db.statement-timeout})
     */
    public static Optional<SessionLock> tryAcquire(Pool pool, long key, String name, Duration timeout) {
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        SessionLock lock = new SessionLock(connection, key, name, timeout);
        connection.closeHandler(lock::connectionClosed);
        boolean locked;
        try {
            locked = connection.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(key))
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

    /** A 64-bit lock key: the first 8 bytes of SHA-256 over the parts joined by NUL (the same in every instance). */
    public static long keyOf(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether the lock is still ours: false once its connection has ended (or it was closed). */
    public boolean held() {
        return !lost;
    }

    public String name() {
        return name;
    }

    private void connectionClosed() {
        if (!lost) {
            lost = true;
            LOG.warnf("the database connection holding %s has ended: the lock is gone", name);
        }
    }

    /** Unlocks and gives the connection back; another instance may take the lock at once. */
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
