package io.tideline.messaging.consumer;

import io.tideline.events.EventEnvelope;
import io.tideline.messaging.tx.UnitOfWork;
import java.util.List;
import java.util.Set;

/**
 * A service's reaction to events on some topics. Implement it as a CDI bean and the messaging layer consumes for it:
 * each event is applied at most once per handler (recorded in {@code processed_event} in the same unit of work as the
 * handler's effects), in order per key, with the event's correlation id in the log context; a record that cannot be
 * decoded or applied goes to its dead-letter topic.
 *
 * <p>Apply an event here when applying it is quick and needs only the database (store a fact, update a read model).
 * When the reaction is slow or reaches outside (a venue, a chain, an e-mail), accept the event into the
 * {@code Inbox} here and act on it from an {@code InboxHandler},
 * so that a slow outside party never holds up consumption.
 */
public interface EventHandler {

    /** A stable name: the consumer group is {@code <service>.<name>}, and redelivery is detected per name. */
    String name();

    /** The topics consumed. */
    Set<String> topics();

    /** Whether this handler applies the event at all; events it does not want are skipped without a database row. */
    default boolean wants(EventEnvelope<?> event) {
        return true;
    }

    /**
     * Called once per unit of work with the events about to be handled in it, in order (only those not applied
     * before), before the first {@link #handle}: load in one statement what they will all need. Does nothing unless
     * overridden.
     */
    default void prepare(List<EventEnvelope<?>> events, UnitOfWork uow) {
    }

    /**
     * Applies one event inside the unit of work that records it as processed; events it publishes are written with
     * it. Throwing rolls the whole unit back, and the event is retried, then dead-lettered.
     */
    void handle(EventEnvelope<?> event, UnitOfWork uow);
}
