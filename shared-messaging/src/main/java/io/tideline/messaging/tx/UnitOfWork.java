package io.tideline.messaging.tx;

import io.tideline.events.EventEnvelope;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One database transaction and the events it causes: the statements of {@link Sql}, plus {@link #publish} whose
 * events are written to the outbox just before the commit, so an event can never leave the transaction that caused
 * it (a rollback drops them with the state). Made only by {@link Transactions}; every handler, worker and resource
 * that changes state receives one.
 */
public final class UnitOfWork extends Sql {

    private final List<EventEnvelope<?>> events = new ArrayList<>();
    private final List<Runnable> beforeCommit = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Map<Class<?>, Object> attached = new IdentityHashMap<>();
    private boolean closed;

    UnitOfWork(SqlConnection connection, Duration timeout) {
        super(connection, timeout);
    }

    /** Publishes the event if, and only if, this unit of work commits; events keep the order they are given in. */
    public void publish(EventEnvelope<?> event) {
        requireOpen();
        events.add(event);
    }

    public void publishAll(Collection<? extends EventEnvelope<?>> more) {
        requireOpen();
        events.addAll(more);
    }

    /**
     * Runs at the end of the work, before the outbox is written and the transaction commits: for state a handler keeps
     * for the whole unit of work (a batch of events) and writes once. The action may still publish; if it throws, the
     * unit of work rolls back.
     */
    public void beforeCommit(Runnable action) {
        requireOpen();
        beforeCommit.add(action);
    }

    /**
     * The object of this type that lives as long as this unit of work, made by {@code create} at the first call: state
     * that several events of one batch share (and that a {@link #beforeCommit} action writes once).
     */
    public <T> T attached(Class<T> type, Supplier<T> create) {
        requireOpen();
        return type.cast(attached.computeIfAbsent(type, t -> create.get()));
    }

    /** Runs after a successful commit (waking a worker that should see the new rows); never on rollback. */
    public void afterCommit(Runnable action) {
        requireOpen();
        afterCommit.add(action);
    }

    /** The events published so far, in order. */
    public List<EventEnvelope<?>> published() {
        return List.copyOf(events);
    }

    /** Runs the before-commit actions in order, including those they add. */
    void runBeforeCommit() {
        for (int i = 0; i < beforeCommit.size(); i++) {
            beforeCommit.get(i).run();
        }
    }

    List<EventEnvelope<?>> drainEvents() {
        closed = true;
        return events;
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this unit of work has ended: publish inside Transactions.run");
        }
    }
}
