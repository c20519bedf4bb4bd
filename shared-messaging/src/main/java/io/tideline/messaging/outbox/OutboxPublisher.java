package io.tideline.messaging.outbox;

import java.util.List;

/**
 * Publishes a batch of outbox rows to the broker and says how many of them, from the first, are confirmed.
 */
public interface OutboxPublisher {

    /**
     * Publishes the batch in order. Returns once every record is acknowledged or has failed; never throws for
     * a broker failure: the result says how far the batch got.
     */
    PublishResult publish(List<PendingEvent> batch);

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
