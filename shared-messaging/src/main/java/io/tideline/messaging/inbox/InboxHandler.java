package io.tideline.messaging.inbox;

import io.tideline.messaging.tx.UnitOfWork;

/**
 * Processes one inbox stream. Implement it as a CDI bean and the messaging layer runs a worker for it: messages are
 * handed over in arrival order, each inside the unit of work that marks it processed, so its effects and events commit
 * with the mark. Throw {@link UnprocessableMessageException} for a message that can never be processed (it is set
 * aside at once); any other exception is retried, then set aside after {@code tideline.messaging.inbox.max-attempts}.
 */
public interface InboxHandler {

    /** The stream's name: the {@code stream} column, the worker's thread name, the metrics tag. */
    String stream();

    void handle(InboxMessage message, UnitOfWork uow);

    /** Whether the worker runs (off: messages are only stored). */
    default boolean enabled() {
        return true;
    }

    /** This stream's batching; the service-wide defaults ({@code tideline.messaging.inbox.*}) unless overridden. */
    default InboxSettings settings(InboxSettings defaults) {
        return defaults;
    }
}
