package io.tideline.settlement.venue;

/** The venue cannot answer now (outage, timeout, halted market): the same call may work later. */
public class VenueUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VenueUnavailableException(String message) {
        super(message);
    }
}
