package io.tideline.pnl.execution;

import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One lock per user, the key of every event on {@code pnl.executions}: a unit of work that publishes a user's events
 * holds the user's lock until it commits, so two transactions never decide about one user at once, and the user's
 * events reach the outbox, and Kafka, in the order they were decided. (A lock per book let two of a user's
 * transactions interleave, and the later one's events could be published first.)
 */
@ApplicationScoped
public class UserLocks {

    /** The advisory-lock key of a user (transaction-scoped: {@code pg_advisory_xact_lock(hashtextextended(key, 7))}). */
    public static String key(String user) {
        return "pnl-user|" + user;
    }

    /**
     * Takes the user's lock until the unit of work ends (again in the same unit of work: at once). Sent without waiting
     * ({@code UnitOfWork.send}): the unit's next statement runs after the lock is held, and waits with it.
     */
    public void lock(UnitOfWork uow, String user) {
        uow.send("select pg_advisory_xact_lock(hashtextextended($1, 7))", Tuple.of(key(user)));
    }
}
