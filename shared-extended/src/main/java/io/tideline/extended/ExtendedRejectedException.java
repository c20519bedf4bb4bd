package io.tideline.extended;

/**
 * Extended refused the request for good (an HTTP 4xx other than 429, an envelope with {@code status: ERROR}, or an
 * order this client refuses before sending because the market cannot take it): sending it again cannot succeed.
 */
public class ExtendedRejectedException extends RuntimeException {

    private final int httpStatus;
    private final String code;

    public ExtendedRejectedException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** The HTTP status, or 0 when the request was refused before it was sent. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Extended's error code (e.g. {@code 1140}), this client's ({@code INVALID_QUANTITY}, {@code INVALID_PRICE}), or null. */
    public String code() {
        return code;
    }
}
