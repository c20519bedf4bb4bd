package io.tideline.perp.hedge;

/** Why a minted position is recorded without a hedge. */
public enum UnhedgedReason {
    /** Its pool is not in {@code tideline.perp.pools}. */
    NO_MARKET,
    /** Its exposure times the ratio is less than one order-size step. */
    TOO_SMALL
}
