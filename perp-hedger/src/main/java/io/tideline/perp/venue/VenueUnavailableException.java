package io.tideline.perp.venue;

/**
 * The venue could not answer now (HTTP 5xx, 429 rate limit, timeout, connection refused): the same request may
 * succeed later. An order request that failed this way may still have reached the venue: find it by its external id
 * before sending it again.
 *
 * @see PerpVenue
 */
public class VenueUnavailableException extends RuntimeException {

    private final int httpStatus;

    public VenueUnavailableException(int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status (429, 5xx), or 0 for a timeout or connection failure. */
    public int httpStatus() {
        return httpStatus;
    }
}
