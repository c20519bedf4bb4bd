package io.tideline.lp.sync;

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
 * The right to follow a chain: a PostgreSQL session-level advisory lock per chain, held on a database connection of
 * its own for as long as this instance follows, so that two instances of lp-tracker on one database never both follow
 * it. PostgreSQL releases it when the connection ends, so a killed instance leaves none behind and a standby takes
 * over; and a connection that ends under the leader (the server restarted or terminated it) took the lock with it:
 * {@link #held()} says so from then on and the follower stops writing.
 */
final class LeaderLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaderLock.class);

    private final SqlConnection connection;
    private final long chainId;
    private final Duration timeout;
    private volatile boolean lost;

    private LeaderLock(SqlConnection connection, long chainId, Duration timeout) {
        this.connection = connection;
        this.chainId = chainId;
        this.timeout = timeout;
    }

    /**
     * The lock if no other connection holds it now; empty when another instance follows the chain.
     *
     * @param timeout the service's statement timeout ({@code tideline.db.statement-timeout})
     */
    static Optional<LeaderLock> tryAcquire(Pool pool, long chainId, Duration timeout) {
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        LeaderLock lock = new LeaderLock(connection, chainId, timeout);
        connection.closeHandler(lock::connectionClosed);
        boolean locked;
        try {
            locked = connection.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(keyOf(chainId)))
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

    /** The lock's 64-bit key: the first 8 bytes of SHA-256 over its name and the chain id (the same everywhere). */
    static long keyOf(long chainId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("tideline.lp-tracker.follower\u0000" + chainId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether the lock is still ours: false once its connection has ended (or it was closed). */
    boolean held() {
        return !lost;
    }

    private void connectionClosed() {
        if (!lost) {
            lost = true;
            LOG.warnf("the database connection holding the follower lock of chain %d has ended: the lock is gone",
                    chainId);
        }
    }

    /** Unlocks and gives the connection back; another instance may take the lock at once. */
    @Override
    public void close() {
        try {
            if (!lost) {
                connection.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(keyOf(chainId))).await()
                        .atMost(timeout);
            }
        } catch (RuntimeException e) {
            // the connection broke on the way: PostgreSQL ends the lock with it
            LOG.warnf("unlocking the follower lock of chain %d failed: %s", chainId, e.getMessage());
        } finally {
            release();
        }
    }

    private void release() {
        lost = true;
        connection.close().onFailure().recoverWithNull().await().atMost(timeout);
    }
}
