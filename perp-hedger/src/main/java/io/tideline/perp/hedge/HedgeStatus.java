package io.tideline.perp.hedge;

/**
 * Where a hedge is: OPENING (its first order is outstanding), OPEN, CLOSING (being bought back), CLOSED, FAILED
 * (nothing could be held, or the buy-back failed), UNHEDGED (no market for the pool, or too small to hedge).
 */
public enum HedgeStatus {
    OPENING, OPEN, CLOSING, CLOSED, FAILED, UNHEDGED;

    /** Whether the hedge may still hold or place a short (one live hedge per position at a time). */
    public boolean live() {
        return this == OPENING || this == OPEN || this == CLOSING;
    }
}
