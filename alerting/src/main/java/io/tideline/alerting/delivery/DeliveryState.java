package io.tideline.alerting.delivery;

/** Where a delivery stands. */
public enum DeliveryState {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** The receiver accepted it. */
    DELIVERED,
    /** Given up: attempts used up, a final refusal, or the channel is no longer configured. */
    FAILED,
    /** Held back by the channel's rate limit; never sent. */
    SUPPRESSED
}
