package io.tideline.extended;

/**
 * Extended could not answer now (HTTP 5xx, 429 rate limit, timeout, connection refused, an unreadable answer): the
 * same request may succeed later. An order request that failed this way may still have reached Extended: find it by
 * its external id before sending it again.
 */
public class ExtendedUnavailableException extends RuntimeException {

    private final int httpStatus;

    public ExtendedUnavailableException(int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status (429, 5xx, or 200 for an unreadable answer), or 0 for a timeout or connection failure. */
    public int httpStatus() {
        return httpStatus;
    }
}
