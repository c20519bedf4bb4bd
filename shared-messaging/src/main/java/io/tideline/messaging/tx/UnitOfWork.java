package io.tideline.messaging.tx;

import io.tideline.events.EventEnvelope;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
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
    private final List<CompletableFuture<?>> sent = new ArrayList<>();
    private final SqlConnection connection;
    private boolean closed;

    UnitOfWork(SqlConnection connection, Duration timeout) {
        super(connection, timeout);
        this.connection = connection;
    }

    /**
     * Sends a write whose answer this work does not need, without waiting for it. PostgreSQL runs the statements of
     * one connection in the order they are sent, so every statement after it sees its effect (a lock it takes is held
     * before the next one runs); only the round trip is not waited for (pipelining). If it fails, the next statement
     * this unit of work waits for throws its failure, or the commit does at the latest, and the unit of work rolls back.
     */
    public void send(String sql, Tuple args) {
        requireOpen();
        sent.add(connection.preparedQuery(sql).execute(args).subscribeAsCompletionStage());
    }

    /** {@link #send} for a statement run once per tuple (one round trip, not waited for). */
    public void sendBatch(String sql, List<Tuple> rows) {
        requireOpen();
        if (!rows.isEmpty()) {
            sent.add(connection.preparedQuery(sql).executeBatch(rows).subscribeAsCompletionStage());
        }
    }

    /**
     * Sends a read without waiting for its answer, so that reads whose arguments are known together (and the writes
     * {@link #send sent} around them) share one round trip instead of one each; {@link SentRead#rows()} waits for it.
     * In order with every other statement of this work, as {@link #send} is: it sees everything sent before it.
     */
    public <T> SentRead<T> sendRead(String sql, Tuple args, Function<Row, T> mapper) {
        requireOpen();
        CompletableFuture<RowSet<Row>> answer = connection.preparedQuery(sql).execute(args)
                .subscribeAsCompletionStage();
        sent.add(answer);
        return new SentRead<>(this, answer, mapper);
    }

    /** The answer of a read sent; its failure reported as a statement waited for reports one. */
    RowSet<Row> awaitRead(CompletableFuture<RowSet<Row>> answer) {
        RuntimeException failure = failureOf(answer);
        if (failure != null) {
            throw translated(failureBefore(failure));
        }
        return answer.join();
    }

    @Override
    RuntimeException failureBefore(RuntimeException failure) {
        // The answers come in order: by the time a later statement has failed, every write sent before it has its
        // answer, and the first failed one is the cause (the later ones only found the transaction aborted).
        RuntimeException sentFailure = firstFailureOfSent();
        return sentFailure != null ? sentFailure : failure;
    }

    @Override
    void answered() {
        settle();
    }

    /** Waits for every write sent and not yet answered; throws the first one's failure. */
    void settle() {
        RuntimeException sentFailure = firstFailureOfSent();
        if (sentFailure != null) {
            throw sentFailure;
        }
    }

    /** On rollback: the writes sent are answered before the rollback is (in order); their failures do not matter. */
    void abandonSent() {
        firstFailureOfSent();
    }

    /** Waits for the answers of the writes sent so far and forgets them; the first failure among them, or null. */
    private RuntimeException firstFailureOfSent() {
        RuntimeException first = null;
        for (CompletableFuture<?> write : sent) {
            RuntimeException failure = failureOf(write);
            if (first == null) {
                first = failure;
            }
        }
        sent.clear();
        return first;
    }

    private RuntimeException failureOf(CompletableFuture<?> write) {
        try {
            write.get(timeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            return new IllegalStateException("a statement sent in this unit of work had no answer within " + timeout(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while waiting for a statement sent in this unit of work", e);
        }
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
