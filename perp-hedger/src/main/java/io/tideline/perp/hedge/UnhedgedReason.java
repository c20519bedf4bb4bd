package io.tideline.perp.hedge;

/** Why a minted position is recorded without a hedge. */
public enum UnhedgedReason {
    /** Its pool is not in {@code tideline.perp.pools}. */
    NO_MARKET,
    /** Its exposure times the ratio is less than one order-size step. */
    TOO_SMALL,
    /** Its owner is not one of the desk's wallets ({@code tideline.perp.owners}). */
    NOT_DESK_WALLET,
    /** Its short would pass the per-hedge or the total notional cap ({@code tideline.perp.caps}). */
    OVER_CAP
}
