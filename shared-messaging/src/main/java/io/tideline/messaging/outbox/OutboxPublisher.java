package io.tideline.messaging.outbox;

import java.util.List;

/**
 * Publishes a batch of outbox rows to the broker and says how many of them, from the first, are confirmed.
 */
public interface OutboxPublisher {

    /**
     * Hands the batch to the broker in order and returns without waiting for its acknowledgements, so the relay can
     * read the next batch meanwhile. Batches are published in the order they are handed over. Never throws for a
     * broker failure: {@link Sending#await()} says how far the batch got.
     */
    Sending send(List<PendingEvent> batch);

    /** Publishes the batch and waits for its acknowledgements. */
    default PublishResult publish(List<PendingEvent> batch) {
        return send(batch).await();
    }

    /** A batch handed to the broker whose acknowledgements may still be on their way. */
    @FunctionalInterface
    interface Sending {
        /** Waits until every record of the batch is acknowledged or has failed. */
        PublishResult await();
    }

    /**
     * @param confirmed how many events from the start of the batch the broker acknowledged
     * @param failure   why the event after them failed, or null when all were confirmed
     */
    record PublishResult(int confirmed, Exception failure) {
        public static PublishResult all(int size) {
            return new PublishResult(size, null);
        }
    }
}
