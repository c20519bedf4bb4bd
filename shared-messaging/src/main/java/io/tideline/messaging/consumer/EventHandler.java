package io.tideline.messaging.consumer;

import io.smallrye.mutiny.Uni;
import io.tideline.events.EventEnvelope;

import java.util.Set;

/**
 * A service's reaction to events on some topics. Implement it as a CDI bean and the messaging layer consumes for it:
 * each event is applied at most once per handler (recorded in {@code processed_event} in the same transaction as the
 * handler's effects), in order per key, and a record that cannot be decoded or applied goes to its dead-letter topic.
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
     * Applies one event. Runs inside the transaction that records the event as processed, on a Vert.x context:
     * use Panache and {@link io.tideline.messaging.outbox.Outbox} and return when the effects are written. A failure
     * rolls the whole transaction back and the event is retried, then dead-lettered.
     */
    Uni<Void> handle(EventEnvelope<?> event);
}
