package io.tideline.perp.hedge;

/**
 * An order's state: REQUESTED (not sent yet), SENDING (sent or being sent: look it up by external id before sending
 * again), PENDING_LOOKUP (the venue took it but it could not be found yet), FILLED, FAILED, CANCELLED.
 */
public enum OrderState {
    REQUESTED, SENDING, PENDING_LOOKUP, FILLED, FAILED, CANCELLED;

    /** Not finished: the executor still owes it a send or a lookup. */
    public boolean outstanding() {
        return this == REQUESTED || this == SENDING || this == PENDING_LOOKUP;
    }
}
