package io.tideline.alerting.delivery;

import java.time.Duration;

/**
 * What one attempt to deliver came to: accepted, worth retrying (the receiver or the way to it is down for now), or
 * refused for good (the receiver will not take it, however often it is sent).
 */
public sealed interface SendResult {

    /** The receiver's HTTP status or SMTP reply code, if it answered. */
    Integer status();

    /** What went wrong, or null when delivered. */
    String error();

    record Delivered(Integer status) implements SendResult {
        @Override
        public String error() {
            return null;
        }
    }

    /**
     * 5xx, 408, 429, a timeout, a connection refused or reset: try again later — not before {@code retryAfter} when
     * the receiver said when (its {@code Retry-After}; null when it did not).
     */
    record Retryable(Integer status, String error, Duration retryAfter) implements SendResult {

        public Retryable(Integer status, String error) {
            this(status, error, null);
        }
    }

    /** Any other 4xx (or 3xx), a permanent SMTP refusal, an unsendable message: no further attempt. */
    record Rejected(Integer status, String error) implements SendResult {
    }

    /** An HTTP status as a result: 2xx delivered; 408, 429 and 5xx retryable; anything else rejected. */
    static SendResult ofHttpStatus(int status, String body) {
        return ofHttpStatus(status, body, null);
    }

    /** As {@link #ofHttpStatus(int, String)}, a retryable answer keeping the receiver's {@code Retry-After}. */
    static SendResult ofHttpStatus(int status, String body, Duration retryAfter) {
        if (status >= 200 && status < 300) {
            return new Delivered(status);
        }
        String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body)
                + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)");
        if (status == 408 || status == 429 || status >= 500) {
            return new Retryable(status, error, retryAfter);
        }
        return new Rejected(status, error);
    }
}
