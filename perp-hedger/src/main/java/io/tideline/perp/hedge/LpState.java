package io.tideline.perp.hedge;

/** The LP position a hedge is for: OPEN, CLOSED, TRANSFERRED (left the desk's wallets), RETRACTED (mint undone). */
public enum LpState {
    OPEN, CLOSED, TRANSFERRED, RETRACTED
}
