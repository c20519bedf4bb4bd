package io.tideline.settlement.venue;

/** What the venue did with one order sent to it. */
public sealed interface PlaceOutcome {

    String clientOrderId();

    /** It rests on the book under the venue's id. */
    record Placed(String clientOrderId, String venueOrderId) implements PlaceOutcome {
    }

    /**
     * Refused because, as a post-only order, it would have crossed the spread (taken liquidity).
     *
     * @param venueCode the venue's word for it (the paper venue's {@code POST_ONLY_WOULD_CROSS}, Extended's
     *                  {@code POST_ONLY_FAILED})
     */
    record WouldCross(String clientOrderId, String venueCode) implements PlaceOutcome {
    }

    /** The venue already has an order under this client order id (it is that order, not a new one). */
    record AlreadyExists(String clientOrderId, String venueOrderId) implements PlaceOutcome {
    }

    /** Refused for another reason (size, balance, a replaced order that is no longer open). */
    record Rejected(String clientOrderId, String reason) implements PlaceOutcome {
    }
}
