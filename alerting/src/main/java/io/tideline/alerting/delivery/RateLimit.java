package io.tideline.alerting.delivery;

import java.math.BigDecimal;

/**
 * A channel's rate limit as a token bucket: at most {@code capacity} deliveries at once, then
 * {@code refillPerMinute} more each minute.
 */
public record RateLimit(int capacity, BigDecimal refillPerMinute) {

    public RateLimit {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (refillPerMinute.signum() < 0) {
            throw new IllegalArgumentException("refillPerMinute must not be negative");
        }
    }
}
