package io.tideline.lp.sync;

import io.tideline.messaging.tx.SessionLock;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.Optional;

/**
 * The right to follow a chain: a session advisory lock per chain ({@link SessionLock}), held for as long as this
 * instance follows, so that two instances of lp-tracker on one database never both follow it. A standby takes over
 * when the leader's connection ends; a leader whose connection ended sees {@link #held()} false and stops writing.
 */
final class LeaderLock implements AutoCloseable {

    private final SessionLock lock;

    private LeaderLock(SessionLock lock) {
        this.lock = lock;
    }

    /**
     * The lock if no other connection holds it now; empty when another instance follows the chain.
     *
     * @param timeout the service's statement timeout ({@code tideline.db.statement-timeout})
     */
    static Optional<LeaderLock> tryAcquire(Pool pool, long chainId, Duration timeout) {
        return SessionLock.tryAcquire(pool, keyOf(chainId), "the follower lock of chain " + chainId, timeout)
                .map(LeaderLock::new);
    }

    /** The lock's 64-bit key, over its name and the chain id (the same everywhere). */
    static long keyOf(long chainId) {
        return SessionLock.keyOf("tideline.lp-tracker.follower", Long.toString(chainId));
    }

    /** Whether the lock is still ours: false once its connection has ended (or it was closed). */
    boolean held() {
        return lock.held();
    }

    /** Unlocks and gives the connection back; another instance may take the lock at once. */
    @Override
    public void close() {
        lock.close();
    }
}
