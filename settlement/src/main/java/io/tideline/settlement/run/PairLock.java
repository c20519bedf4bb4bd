package io.tideline.settlement.run;

import io.tideline.messaging.tx.SessionLock;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.Optional;

/**
 * The lock on one (session, pair): a session advisory lock ({@link SessionLock}) held for as long as the pair is being
 * settled (across several units of work and the venue calls between them), so that two instances never settle the
 * same pair at once. A connection that ends under us took the lock with it: {@link #ensureHeld()} says so from then
 * on, and the settler stops instead of going on as if it still held the pair.
 */
public final class PairLock implements AutoCloseable {

    private final SessionLock lock;

    private PairLock(SessionLock lock) {
        this.lock = lock;
    }

    /**
     * The lock if it is free now; empty when another connection (instance) holds it.
     *
     * @param timeout the service's statement timeout ({@code tideline.db.statement-timeout})
     */
    public static Optional<PairLock> tryAcquire(Pool pool, String sessionId, String pair, Duration timeout) {
        return SessionLock.tryAcquire(pool, keyOf(sessionId, pair), "the advisory lock on " + pair + " of session "
                + sessionId, timeout).map(PairLock::new);
    }

    /** The lock's 64-bit key, over the names (the same in every instance). */
    static long keyOf(String sessionId, String pair) {
        return SessionLock.keyOf("tideline.settlement", sessionId, pair);
    }

    /** Whether the lock is still ours: false once its connection has ended. */
    public boolean held() {
        return lock.held();
    }

    /** @throws PairLockLostException once the lock's connection has ended (and PostgreSQL released the lock) */
    public void ensureHeld() {
        if (!lock.held()) {
            throw new PairLockLostException(lock.name() + " was lost with its database connection;"
                    + " stopped settling it (another instance may have taken it over)");
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
