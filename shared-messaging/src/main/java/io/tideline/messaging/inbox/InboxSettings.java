package io.tideline.messaging.inbox;

import java.time.Duration;

/**
 * How one inbox stream's workers batch, and how many there are; a handler may override the service-wide defaults.
 * Several workers share a stream as instances do: {@link Inbox#claim} hands a key's messages out in order, so they
 * only run side by side for different keys.
 *
 * @param workers threads claiming the stream in this instance (1: one message after another)
 */
public record InboxSettings(int batchSize, Duration maxBatchTime, Duration pollInterval, int workers) {

    public InboxSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("an inbox stream needs at least one worker, was " + workers);
        }
    }

    /** One worker. */
    public InboxSettings(int batchSize, Duration maxBatchTime, Duration pollInterval) {
        this(batchSize, maxBatchTime, pollInterval, 1);
    }
}
