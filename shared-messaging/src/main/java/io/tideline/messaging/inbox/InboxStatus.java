package io.tideline.messaging.inbox;

import java.time.Instant;

/**
 * One inbox worker's state: RUNNING, BLOCKED (the database is away; nothing is counted against the messages),
 * ONE_AT_A_TIME (a batch failed; isolating the message that fails), DISABLED or STARTING.
 */
public record InboxStatus(String stream, String state, String error, long processed, long setAside,
                          long failedAttempts, int lastBatchSize, double lastBatchMillis, Instant at) {

    public boolean isHealthy() {
        return !"BLOCKED".equals(state);
    }
}
