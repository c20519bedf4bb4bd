package io.tideline.settlement.venue;

/** What the venue did with one order sent to it. */
public sealed interface PlaceOutcome {

    String clientOrderId();

    /** It rests on the book under the venue's id. */
    record Placed(String clientOrderId, String venueOrderId) implements PlaceOutcome {
    }

    /** Refused because, as a post-only order, it would have crossed the spread (taken liquidity). */
    record WouldCross(String clientOrderId) implements PlaceOutcome {
    }

    /** The venue already has an order under this client order id (it is that order, not a new one). */
    record AlreadyExists(String clientOrderId, String venueOrderId) implements PlaceOutcome {
    }

    /** Refused for another reason (size, balance, a replaced order that is no longer open). */
    record Rejected(String clientOrderId, String reason) implements PlaceOutcome {
    }
}
