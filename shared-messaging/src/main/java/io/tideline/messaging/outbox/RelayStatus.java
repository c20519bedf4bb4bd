package io.tideline.messaging.outbox;

import java.time.Instant;

/**
 * What the outbox relay last did, for readiness and operators.
 *
 * @param state     STARTING, ACTIVE (this instance relays), STANDBY (another instance holds the lock),
 *                  DISABLED, or FAILING (the last pass could not reach the database or the broker)
 * @param lastBatch rows in the last successful pass
 * @param error     why the last pass failed, when FAILING
 * @param at        when this status was recorded
 */
public record RelayStatus(String state, int lastBatch, String error, Instant at) {

    static RelayStatus starting() {
        return new RelayStatus("STARTING", 0, null, Instant.now());
    }

    static RelayStatus disabled() {
        return new RelayStatus("DISABLED", 0, null, Instant.now());
    }

    static RelayStatus standby() {
        return new RelayStatus("STANDBY", 0, null, Instant.now());
    }

    static RelayStatus healthy(int lastBatch) {
        return new RelayStatus("ACTIVE", lastBatch, null, Instant.now());
    }

    static RelayStatus failing(Exception e) {
        return new RelayStatus("FAILING", 0, e.getMessage(), Instant.now());
    }

    public boolean isHealthy() {
        return !"FAILING".equals(state);
    }
}
