package io.tideline.messaging.inbox;

import java.time.Duration;

/** How one inbox stream's worker batches; a handler may override the service-wide defaults. */
public record InboxSettings(int batchSize, Duration maxBatchTime, Duration pollInterval) {
}
