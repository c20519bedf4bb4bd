package io.tideline.alerting.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a delivery again: exponential back-off with full jitter (a pause drawn uniformly between 0 and
 * {@code base · 2^(attempt−1)}, capped at {@code max}), so receivers coming back are not hit by every sender at once;
 * never sooner than the receiver's {@code Retry-After} (honoured up to {@link #LONGEST_RECEIVER_WAIT}); after
 * {@code maxAttempts} attempts, or a final refusal, the delivery has failed.
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts) {

    /** The longest a receiver's {@code Retry-After} may hold a notification back: an alert is news for so long. */
    public static final Duration LONGEST_RECEIVER_WAIT = Duration.ofHours(1);

    public RetryPolicy {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max, got base " + base + ", max " + max);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The longest pause after attempt {@code attempt} (1 = the first): {@code base · 2^(attempt−1)}, at most max. */
    public Duration ceiling(int attempt) {
        int doublings = Math.max(0, attempt - 1);
        if (doublings >= 62 || base.toNanos() > (max.toNanos() >> doublings)) {
            return max;
        }
        return Duration.ofNanos(base.toNanos() << doublings);
    }

    /**
     * The pause after attempt {@code attempt}, for a {@code random} number in [0, 1): that fraction of the ceiling,
     * in whole milliseconds rounded down.
     */
    public Duration delay(int attempt, double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1), got " + random);
        }
        return Duration.ofMillis((long) Math.floor(ceiling(attempt).toMillis() * random));
    }

    /** What follows attempt {@code attempt} that ended in {@code result} at {@code now}. */
    public Next next(SendResult result, int attempt, Instant now, double random) {
        if (result instanceof SendResult.Delivered) {
            return new Next(DeliveryState.DELIVERED, now);
        }
        if (result instanceof SendResult.Retryable retryable && attempt < maxAttempts) {
            Duration pause = delay(attempt, random);
            Duration asked = retryable.retryAfter();
            if (asked != null && asked.compareTo(pause) > 0) {
                pause = asked.compareTo(LONGEST_RECEIVER_WAIT) > 0 ? LONGEST_RECEIVER_WAIT : asked;
            }
            return new Next(DeliveryState.PENDING, now.plus(pause));
        }
        return new Next(DeliveryState.FAILED, now);
    }

    /**
     * The state after an attempt and when: the next attempt's time while PENDING, else when it was decided.
     */
    public record Next(DeliveryState state, Instant at) {
    }
}
