package io.tideline.messaging.consumer;

import java.time.Instant;

/**
 * What one handler's consumer is doing, for readiness and operators.
 *
 * @param state        STARTING, RUNNING, BLOCKED (the database or broker is unreachable; records wait, none are
 *                     dead-lettered), RECOVERING (the Kafka consumer failed and is being made anew after a back-off),
 *                     STOPPED, or DEAD (the thread ended while it should run)
 * @param applied      events applied since start
 * @param deadLettered records sent to the dead-letter topic since start
 */
public record ConsumerStatus(String consumer, String state, String error, long applied, long deadLettered,
                             Instant at) {

    public boolean isHealthy() {
        return "RUNNING".equals(state) || "STARTING".equals(state);
    }
}
