package io.tideline.perp.venue;

/**
 * The venue refused the request for good (an HTTP 4xx other than 429, or an order it rejected): sending it again
 * cannot succeed.
 *
 * @see PerpVenue
 */
public class VenueRejectedException extends RuntimeException {

    private final int httpStatus;
    private final String code;

    public VenueRejectedException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** The HTTP status, or 0 when the venue answered 200 with a rejected order. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The venue's error code (e.g. a statusReason such as NOT_ENOUGH_FUNDS), or null. */
    public String code() {
        return code;
    }
}
