package io.tideline.alerting.delivery;

/** How one attempt ended. */
public enum AttemptOutcome {
    /** Accepted by the receiver. */
    DELIVERED,
    /** A 5xx, 408 or 429, a timeout or a connection error: tried again later while attempts are left. */
    RETRYABLE,
    /** Refused for good (another 4xx, a permanent SMTP refusal). */
    REJECTED,
    /** The worker's lease ran out before it recorded an answer (it died while sending): sent again. */
    ABANDONED;

    static AttemptOutcome of(SendResult result) {
        if (result instanceof SendResult.Delivered) {
            return DELIVERED;
        }
        return result instanceof SendResult.Retryable ? RETRYABLE : REJECTED;
    }
}
